import { Module } from '@nestjs/common';

import { AccountsModule } from '@jobcode/accounts';
import { ApplicationsModule } from '@jobcode/applications';
import { GigBookingsModule } from '@jobcode/gig-bookings';
import { NotificationsModule } from '@jobcode/notifications';
import { SeekersModule } from '@jobcode/seekers';

import { DataDeletionSweeper } from './data-deletion-sweeper';
import { DataErasure } from './data-erasure';
import { PrivacyController } from './privacy.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [AccountsModule, ApplicationsModule, GigBookingsModule, NotificationsModule, SeekersModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyResolver, DataErasure, DataDeletionSweeper],
  exports: [DataDeletionSweeper],
})
export class PrivacyModule {}
