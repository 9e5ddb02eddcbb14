import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { JobsModule } from '@jobcode/jobs';
import { NotificationsModule } from '@jobcode/notifications';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';

import { ApplicationHistoryLoader } from './application-history.loader';
import { ApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [CountySettingsModule, EmployersModule, JobsModule, NotificationsModule, RegionsModule, SeekersModule],
  providers: [ApplicationsService, ApplicationsResolver, ApplicationHistoryLoader],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
