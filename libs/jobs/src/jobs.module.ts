import { Module } from '@nestjs/common';

import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { JobSourcesModule } from '@jobcode/job-sources';
import { RegionsModule } from '@jobcode/regions';

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
import { EmployerJobsResolver, FairBoothJobsResolver, GigStationJobsResolver, JobFairJobsResolver, WorkshopJobsResolver } from './source-jobs.resolver';

@Module({
  imports: [CountySettingsModule, EmployersModule, JobSourcesModule, RegionsModule],
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
  ],
  exports: [VoiceNotesService, JobsService, JobShiftsService, JobMapper, JobByIdLoader],
})
export class JobsModule {}
