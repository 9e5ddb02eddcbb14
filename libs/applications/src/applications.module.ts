import { Global, Module } from '@nestjs/common';

import { JobsModule } from '@jobcode/jobs';
import { SeekersModule } from '@jobcode/seekers';

import { ApplicationHistoryLoader } from './application-history.loader';
import { ApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';

@Global()
@Module({
  imports: [JobsModule, SeekersModule],
  providers: [ApplicationsService, ApplicationsResolver, ApplicationHistoryLoader],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
