import { Global, Module } from '@nestjs/common';

import { AccessGuard } from './access.guard';
import { AccountsService } from './accounts.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { RequestContextFactory } from './request-context.factory';

@Global()
@Module({
  providers: [AccountsService, AuthService, AuthResolver, AccessGuard, RequestContextFactory],
  exports: [AccountsService, AuthService, AccessGuard, RequestContextFactory],
})
export class AccountsModule {}
