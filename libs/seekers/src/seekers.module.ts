import { Module } from '@nestjs/common';

import { PhoneCodesModule } from '@jobcode/phone-codes';
import { RegionsModule } from '@jobcode/regions';

import { JobSeekerRepository } from './job-seeker.repository';
import { SeekerExportService } from './ledger/seeker-export.service';
import { SeekerImportService } from './ledger/seeker-import.service';
import { multipartProvider } from './multipart.provider';
import { SeekerVisibility } from './seeker-visibility';
import { SeekersController } from './seekers.controller';
import { SeekersResolver } from './seekers.resolver';
import { SeekerNameLoader } from './seeker-name.loader';
import { SeekersService } from './seekers.service';
import { DeclaredSupportGroupsLoader, SupportGroupsService } from './support-groups.service';

@Module({
  imports: [PhoneCodesModule, RegionsModule],
  controllers: [SeekersController],
  providers: [
    multipartProvider,
    JobSeekerRepository,
    SeekerVisibility,
    SeekerNameLoader,
    SupportGroupsService,
    DeclaredSupportGroupsLoader,
    SeekersService,
    SeekersResolver,
    SeekerImportService,
    SeekerExportService,
  ],
  exports: [SeekersService, SeekerVisibility, SeekerNameLoader, SupportGroupsService, SeekerImportService, SeekerExportService, JobSeekerRepository],
})
export class SeekersModule {}
