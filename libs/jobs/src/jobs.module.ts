import { Module } from '@nestjs/common';

import { JobExpiryScheduler } from './job-expiry.scheduler';
import { JobShiftsResolver } from './job-shifts.resolver';
import { JobShiftsService } from './job-shifts.service';
import { JobFieldsResolver } from './job-fields.resolver';
import { JobMapper } from './job.mapper';
import { FairBoothPostsLoader, JobByIdLoader, JobFairTotalsLoader, JobShiftsLoader, PublicWelfareGroupsLoader } from './jobs.loaders';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';
import { EmployerJobsResolver, FairBoothJobsResolver, GigStationJobsResolver, JobFairJobsResolver, WorkshopJobsResolver } from './source-jobs.resolver';

@Module({
  providers: [
    JobsService,
    JobShiftsService,
    JobShiftsResolver,
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
    JobByIdLoader,
  ],
  exports: [JobsService, JobShiftsService, JobMapper, JobByIdLoader],
})
export class JobsModule {}
