import { Module } from '@nestjs/common';

import { JobExpiryScheduler } from './job-expiry.scheduler';
import { JobFieldsResolver } from './job-fields.resolver';
import { JobMapper } from './job.mapper';
import { JobFairTotalsLoader, JobShiftsLoader, PublicWelfareGroupsLoader } from './jobs.loaders';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';
import { EmployerJobsResolver, GigStationJobsResolver, JobFairJobsResolver, WorkshopJobsResolver } from './source-jobs.resolver';

@Module({
  providers: [
    JobsService,
    JobMapper,
    JobExpiryScheduler,
    JobsResolver,
    JobFieldsResolver,
    GigStationJobsResolver,
    WorkshopJobsResolver,
    JobFairJobsResolver,
    EmployerJobsResolver,
    JobShiftsLoader,
    JobFairTotalsLoader,
    PublicWelfareGroupsLoader,
  ],
  exports: [JobsService, JobMapper],
})
export class JobsModule {}
