import { Global, Module } from '@nestjs/common';

import { EmployerLoader, EmployerMembershipLoader } from './employer.loaders';
import { EmployersResolver } from './employers.resolver';
import { EmployersService } from './employers.service';

@Global()
@Module({
  providers: [EmployersService, EmployersResolver, EmployerLoader, EmployerMembershipLoader],
  exports: [EmployersService, EmployerLoader, EmployerMembershipLoader],
})
export class EmployersModule {}
