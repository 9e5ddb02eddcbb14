import { Module } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { RegionsModule } from '@jobcode/regions';

import { EmployerLoader, EmployerMembershipLoader } from './employer.loaders';
import { EmployersResolver } from './employers.resolver';
import { EmployersService } from './employers.service';

@Module({
  imports: [AccountsModule, RegionsModule],
  providers: [EmployersService, EmployersResolver, EmployerLoader, EmployerMembershipLoader],
  exports: [EmployersService, EmployerLoader, EmployerMembershipLoader],
})
export class EmployersModule {}
