import { Module } from '@nestjs/common';

import { RegionsModule } from '@jobcode/regions';

import { AccessGuard } from './access.guard';
import { AccountsService } from './accounts.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { DownloadLinksResolver } from './download-links.resolver';
import { DownloadTicketsService } from './download-tickets.service';
import { RequestContextFactory } from './request-context.factory';
import { SecondFactorResolver } from './second-factor.resolver';
import { SecondFactorService } from './second-factor.service';
import { StaffAccountAdminResolver } from './staff-account-admin.resolver';
import { StaffAccountAdminService } from './staff-account-admin.service';
import { StaffDirectoryResolver } from './staff-directory.resolver';
import { StaffDirectoryService } from './staff-directory.service';

@Module({
  imports: [RegionsModule],
  providers: [
    AccountsService,
    AuthService,
    AuthResolver,
    SecondFactorService,
    SecondFactorResolver,
    AccessGuard,
    RequestContextFactory,
    DownloadTicketsService,
    DownloadLinksResolver,
    StaffDirectoryService,
    StaffDirectoryResolver,
    StaffAccountAdminService,
    StaffAccountAdminResolver,
  ],
  exports: [AccountsService, AuthService, SecondFactorService, AccessGuard, RequestContextFactory, DownloadTicketsService],
})
export class AccountsModule {}
