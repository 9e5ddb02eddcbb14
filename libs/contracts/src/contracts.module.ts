import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { CountySettingsModule } from '@jobcode/county-settings';
import { DocumentsModule } from '@jobcode/documents';
import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { ContractTarget } from './contract.target';
import { ContractClosingService } from './contract-closing.service';
import { ContractCountersignService } from './contract-countersign.service';
import { ContractOfferService } from './contract-offer.service';
import { ContractSealer } from './contract-sealer';
import { ContractSignaturesLoader } from './contract-signatures.loader';
import { ContractSigningService } from './contract-signing.service';
import { ContractVerificationService } from './contract-verification.service';
import { ContractVerificationUrlLoader } from './contract-verification-url.loader';
import { ContractsController } from './contracts.controller';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { MinimumWageResolver } from './minimum-wage.resolver';
import { CONTRACT_SIGNER, contractSignerProviders } from './signers';

@Module({
  // A contract's code verifies it: contracts issue and resolve codes and register their scan target.
  imports: [ApplicationsModule, CountySettingsModule, DocumentsModule, NotificationsModule, RegionsModule, SeekersModule, ServiceCodesModule],
  controllers: [ContractsController],
  providers: [
    ...contractSignerProviders,
    ContractsService,
    ContractTarget,
    ContractOfferService,
    ContractSigningService,
    ContractSealer,
    ContractCountersignService,
    ContractClosingService,
    ContractVerificationService,
    ContractsResolver,
    MinimumWageResolver,
    ContractSignaturesLoader,
    ContractVerificationUrlLoader,
  ],
  exports: [ContractsService, ContractVerificationService, CONTRACT_SIGNER],
})
export class ContractsModule {}
