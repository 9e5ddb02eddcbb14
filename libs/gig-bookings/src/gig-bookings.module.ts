import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { JobsModule } from '@jobcode/jobs';
import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { GigBookingAccess } from './gig-booking-access';
import { GigBookingNotices } from './gig-booking-notices';
import { GigRatingsLoader, GigShiftLoader } from './gig-bookings.loaders';
import { GigBookingsResolver } from './gig-bookings.resolver';
import { GigBookingsService } from './gig-bookings.service';
import { GigCancellationService } from './gig-cancellation.service';
import { GigCheckInService } from './gig-check-in.service';
import { GigCompletionService } from './gig-completion.service';
import { GigRatingsResolver } from './gig-ratings.resolver';
import { GigRatingsService } from './gig-ratings.service';

@Module({
  imports: [CountySettingsModule, EmployersModule, JobsModule, NotificationsModule, RegionsModule, SeekersModule, ServiceCodesModule],
  providers: [
    GigBookingAccess,
    GigBookingNotices,
    GigBookingsService,
    GigCancellationService,
    GigCheckInService,
    GigCompletionService,
    GigRatingsService,
    GigBookingsResolver,
    GigRatingsResolver,
    GigShiftLoader,
    GigRatingsLoader,
  ],
  exports: [GigBookingsService, GigCancellationService, GigRatingsService],
})
export class GigBookingsModule {}
