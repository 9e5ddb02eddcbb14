import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@jobcode/applications';
import { GigBookingsModule } from '@jobcode/gig-bookings';
import { SeekersModule } from '@jobcode/seekers';

import { DataDeletionSweeper } from './data-deletion-sweeper';
import { DataErasure } from './data-erasure';
import { PrivacyController } from './privacy.controller';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [SeekersModule, ApplicationsModule, GigBookingsModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, PrivacyResolver, DataErasure, DataDeletionSweeper],
  exports: [DataDeletionSweeper],
})
export class PrivacyModule {}
