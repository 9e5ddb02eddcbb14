import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { SeekersModule } from '@jobcode/seekers';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { ContractTarget } from './contract.target';
import { ContractSignaturesLoader } from './contract-signatures.loader';
import { ContractVerificationUrlLoader } from './contract-verification-url.loader';
import { ContractsController } from './contracts.controller';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { MinimumWageResolver } from './minimum-wage.resolver';
import { CONTRACT_SIGNER, contractSignerProvider } from './signers';

@Module({
  // A contract's code verifies it: contracts issue and resolve codes and register their scan target.
  imports: [ApplicationsModule, SeekersModule, ServiceCodesModule],
  controllers: [ContractsController],
  providers: [
    contractSignerProvider,
    ContractsService,
    ContractTarget,
    ContractsResolver,
    MinimumWageResolver,
    ContractSignaturesLoader,
    ContractVerificationUrlLoader,
  ],
  exports: [ContractsService, CONTRACT_SIGNER],
})
export class ContractsModule {}
