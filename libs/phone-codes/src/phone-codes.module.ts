import { Module } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { NotificationsModule } from '@jobcode/notifications';

import { PhoneCodesResolver } from './phone-codes.resolver';
import { PhoneCodesService } from './phone-codes.service';

@Module({
  imports: [AccountsModule, NotificationsModule],
  providers: [PhoneCodesService, PhoneCodesResolver],
  exports: [PhoneCodesService],
})
export class PhoneCodesModule {}
