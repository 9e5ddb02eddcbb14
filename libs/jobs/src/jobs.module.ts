import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { JobSourcesModule } from '@jobcode/job-sources';
import { RegionsModule } from '@jobcode/regions';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { JobExpiryScheduler } from './job-expiry.scheduler';
import { JobShiftsResolver } from './job-shifts.resolver';
import { JobShiftsService } from './job-shifts.service';
import { JobFieldsResolver } from './job-fields.resolver';
import { JobMapper } from './job.mapper';
import { FairBoothPostsLoader, JobByIdLoader, JobFairTotalsLoader, JobShiftsLoader, PublicWelfareGroupsLoader } from './jobs.loaders';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';
import { VoiceNoteRetention } from './voice-notes/voice-note-retention';
import { VoiceNotesController } from './voice-notes/voice-notes.controller';
import { VoiceNotesService } from './voice-notes/voice-notes.service';
import { JobVoiceNoteLoader, JobVoiceNoteResolver } from './voice-notes/voice-notes.resolver';
import { GigStationTarget } from './scan-targets/gig-station.target';
import { JobFairTarget } from './scan-targets/job-fair.target';
import { JobTarget } from './scan-targets/job.target';
import { OpenJobsNearby } from './scan-targets/open-jobs-nearby';
import { ScanViewCache } from './scan-targets/scan-view-cache';
import { SourceJobsResponseCache } from './scan-targets/source-jobs-response-cache';
import { SourceScans } from './scan-targets/source-scans';
import { WorkshopTarget } from './scan-targets/workshop.target';
import { EmployerJobsResolver, FairBoothJobsResolver, GigStationJobsResolver, JobFairJobsResolver, WorkshopJobsResolver } from './source-jobs.resolver';

@Module({
  // Stations, workshops, fairs and jobs are service-code targets: their scans show jobs.
  imports: [CountySettingsModule, EmployersModule, JobSourcesModule, RegionsModule, ServiceCodesModule],
  controllers: [VoiceNotesController],
  providers: [
    VoiceNotesService,
    VoiceNoteRetention,
    JobVoiceNoteLoader,
    JobVoiceNoteResolver,
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
    OpenJobsNearby,
    ScanViewCache,
    SourceScans,
    GigStationTarget,
    WorkshopTarget,
    JobFairTarget,
    JobTarget,
    SourceJobsResponseCache,
  ],
  exports: [VoiceNotesService, JobsService, JobShiftsService, JobMapper, JobByIdLoader],
})
export class JobsModule {}
