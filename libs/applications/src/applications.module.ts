import { Global, Module } from '@nestjs/common';

import { JobsModule } from '@jobcode/jobs';

import { ApplicationHistoryLoader } from './application-history.loader';
import { ApplicationsResolver } from './applications.resolver';
import { ApplicationsService } from './applications.service';

@Global()
@Module({
  imports: [JobsModule],
  providers: [ApplicationsService, ApplicationsResolver, ApplicationHistoryLoader],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
