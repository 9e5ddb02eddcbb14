import { forwardRef, Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { CountySettingsModule } from '@jobcode/county-settings';
import { DocumentsModule } from '@jobcode/documents';
import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { ContractSignaturesLoader } from './contract-signatures.loader';
import { ContractVerificationUrlLoader } from './contract-verification-url.loader';
import { ContractsController } from './contracts.controller';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { MinimumWageResolver } from './minimum-wage.resolver';
import { CONTRACT_SIGNER, contractSignerProvider } from './signers';

@Module({
  // Service codes show contracts (verification by scan) and contracts resolve their codes: a cycle.
  imports: [ApplicationsModule, CountySettingsModule, DocumentsModule, NotificationsModule, RegionsModule, SeekersModule, forwardRef(() => ServiceCodesModule)],
  controllers: [ContractsController],
  providers: [contractSignerProvider, ContractsService, ContractsResolver, MinimumWageResolver, ContractSignaturesLoader, ContractVerificationUrlLoader],
  exports: [ContractsService, CONTRACT_SIGNER],
})
export class ContractsModule {}
