import { Module } from '@nestjs/common';

import { JobExpiryScheduler } from './job-expiry.scheduler';
import { JobFieldsResolver } from './job-fields.resolver';
import { JobMapper } from './job.mapper';
import { FairBoothPostsLoader, JobFairTotalsLoader, JobShiftsLoader, PublicWelfareGroupsLoader } from './jobs.loaders';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';
import { EmployerJobsResolver, FairBoothJobsResolver, GigStationJobsResolver, JobFairJobsResolver, WorkshopJobsResolver } from './source-jobs.resolver';

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
    FairBoothJobsResolver,
    FairBoothPostsLoader,
    JobShiftsLoader,
    JobFairTotalsLoader,
    PublicWelfareGroupsLoader,
  ],
  exports: [JobsService, JobMapper],
})
export class JobsModule {}
