import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { ContractSignaturesLoader } from './contract-signatures.loader';
import { ContractsController } from './contracts.controller';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';

@Module({
  imports: [ApplicationsModule, ServiceCodesModule],
  controllers: [ContractsController],
  providers: [ContractsService, ContractsResolver, ContractSignaturesLoader],
  exports: [ContractsService],
})
export class ContractsModule {}
