import { Module } from '@nestjs/common';

import { EmployersModule } from '@jobcode/employers';
import { JobSourcesModule } from '@jobcode/job-sources';
import { PhoneCodesModule } from '@jobcode/phone-codes';
import { RegionsModule } from '@jobcode/regions';
import { ServiceCodesModule } from '@jobcode/service-codes';

import { JobSeekerRepository } from './job-seeker.repository';
import { SeekerExportService } from './ledger/seeker-export.service';
import { SeekerImportService } from './ledger/seeker-import.service';
import { multipartProvider } from './multipart.provider';
import { SeekerTarget } from './seeker.target';
import { SeekerVisibility } from './seeker-visibility';
import { SeekersController } from './seekers.controller';
import { SeekersResolver } from './seekers.resolver';
import { SeekerNameLoader } from './seeker-name.loader';
import { SeekersService } from './seekers.service';
import { DeclaredSupportGroupsLoader, SupportGroupsService } from './support-groups.service';

@Module({
  // A seeker's personal code is a service-code target.
  imports: [EmployersModule, JobSourcesModule, PhoneCodesModule, RegionsModule, ServiceCodesModule],
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
    SeekerTarget,
  ],
  exports: [SeekersService, SeekerVisibility, SeekerNameLoader, SupportGroupsService, SeekerImportService, SeekerExportService, JobSeekerRepository],
})
export class SeekersModule {}
