import { Module } from '@nestjs/common';

import { ScanEventRecorder } from './scan-event-recorder';
import { ScanPageController } from './scan-page/scan-page.controller';
import { ScanService } from './scan.service';
import { SERVICE_CODE_TARGETS, type ServiceCodeTargetAdapter } from './service-code-target';
import { ServiceCodeImages } from './service-code-images.service';
import { ServiceCodeTargets } from './service-code-targets';
import { ServiceCodesResolver } from './service-codes.resolver';
import { ServiceCodesService } from './service-codes.service';
import { TARGET_ADAPTERS } from './targets';

@Module({
  controllers: [ScanPageController],
  providers: [
    ...TARGET_ADAPTERS,
    { provide: SERVICE_CODE_TARGETS, inject: TARGET_ADAPTERS, useFactory: (...adapters: ServiceCodeTargetAdapter[]) => adapters },
    ServiceCodeTargets,
    ServiceCodesService,
    ServiceCodeImages,
    ScanEventRecorder,
    ScanService,
    ServiceCodesResolver,
  ],
  exports: [ServiceCodesService, ScanService, ServiceCodeImages, ScanEventRecorder],
})
export class ServiceCodesModule {}
