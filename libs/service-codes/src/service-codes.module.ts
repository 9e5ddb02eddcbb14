import { Module } from '@nestjs/common';

import { DocumentsModule } from '@jobcode/documents';
import { RegionsModule } from '@jobcode/regions';

import { ScanEventRecorder } from './scan-event-recorder';
import { ScanResponseCache } from './scan-response-cache';
import { ScanPageController } from './scan-page/scan-page.controller';
import { ScanTargetVersions } from './scan-target-versions';
import { ServiceCodePostersController } from './service-code-posters.controller';
import { ScanService } from './scan.service';
import { ServiceCodeImages } from './service-code-images.service';
import { ServiceCodePoster } from './service-code-poster';
import { ServiceCodeTargets } from './service-code-targets';
import { ServiceCodesResolver } from './service-codes.resolver';
import { ServiceCodesService } from './service-codes.service';

/**
 * Issuing, resolving, scanning, images and posters of service codes. Knows no feature: each
 * library that owns a kind of target imports this module and registers its adapter with
 * ServiceCodeTargets (jobs: stations, workshops, fairs, jobs; seekers; contracts).
 */
@Module({
  imports: [DocumentsModule, RegionsModule],
  controllers: [ScanPageController, ServiceCodePostersController],
  providers: [
    ServiceCodeTargets,
    ServiceCodesService,
    ServiceCodeImages,
    ServiceCodePoster,
    ScanEventRecorder,
    ScanService,
    ScanResponseCache,
    ScanTargetVersions,
    ServiceCodesResolver,
  ],
  exports: [ServiceCodeTargets, ServiceCodesService, ScanService, ServiceCodeImages, ScanEventRecorder, ScanTargetVersions],
})
export class ServiceCodesModule {}
