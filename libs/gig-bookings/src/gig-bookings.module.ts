import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { JobsModule } from '@jobcode/jobs';
import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { GigBookingAccess } from './gig-booking-access';
import { GigRatingsLoader, GigShiftLoader } from './gig-bookings.loaders';
import { GigBookingsResolver } from './gig-bookings.resolver';
import { GigBookingsService } from './gig-bookings.service';
import { GigCheckInService } from './gig-check-in.service';
import { GigRatingsResolver } from './gig-ratings.resolver';
import { GigRatingsService } from './gig-ratings.service';

@Module({
  imports: [CountySettingsModule, EmployersModule, JobsModule, NotificationsModule, RegionsModule, SeekersModule, ServiceCodesModule],
  providers: [
    GigBookingAccess,
    GigBookingsService,
    GigCheckInService,
    GigRatingsService,
    GigBookingsResolver,
    GigRatingsResolver,
    GigShiftLoader,
    GigRatingsLoader,
  ],
  exports: [GigBookingsService, GigRatingsService],
})
export class GigBookingsModule {}
