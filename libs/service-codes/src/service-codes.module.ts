import { forwardRef, Module } from '@nestjs/common';

import { ContractsModule } from '@jobcode/contracts';
import { DocumentsModule } from '@jobcode/documents';
import { EmployersModule } from '@jobcode/employers';
import { JobSourcesModule } from '@jobcode/job-sources';
import { JobsModule } from '@jobcode/jobs';
import { RegionsModule } from '@jobcode/regions';
import { SeekersModule } from '@jobcode/seekers';

import { ScanEventRecorder } from './scan-event-recorder';
import { ScanResponseCache } from './scan-response-cache';
import { ScanPageController } from './scan-page/scan-page.controller';
import { ServiceCodePostersController } from './service-code-posters.controller';
import { ScanService } from './scan.service';
import { SERVICE_CODE_TARGETS, type ServiceCodeTargetAdapter } from './service-code-target';
import { ServiceCodeImages } from './service-code-images.service';
import { ServiceCodePoster } from './service-code-poster';
import { ServiceCodeTargets } from './service-code-targets';
import { ServiceCodesResolver } from './service-codes.resolver';
import { ServiceCodesService } from './service-codes.service';
import { SourceJobsResponseCache } from './source-jobs-response-cache';
import { TARGET_ADAPTERS } from './targets';
import { OpenJobsNearby } from './targets/open-jobs-nearby';
import { ScanViewCache } from './targets/scan-view-cache';

@Module({
  imports: [forwardRef(() => ContractsModule), DocumentsModule, EmployersModule, JobSourcesModule, JobsModule, RegionsModule, SeekersModule],
  controllers: [ScanPageController, ServiceCodePostersController],
  providers: [
    OpenJobsNearby,
    ScanViewCache,
    ...TARGET_ADAPTERS,
    { provide: SERVICE_CODE_TARGETS, inject: TARGET_ADAPTERS, useFactory: (...adapters: ServiceCodeTargetAdapter[]) => adapters },
    ServiceCodeTargets,
    ServiceCodesService,
    ServiceCodeImages,
    ServiceCodePoster,
    ScanEventRecorder,
    ScanService,
    ScanResponseCache,
    SourceJobsResponseCache,
    ServiceCodesResolver,
  ],
  exports: [ServiceCodesService, ScanService, ServiceCodeImages, ScanEventRecorder],
})
export class ServiceCodesModule {}
