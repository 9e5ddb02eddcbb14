import { Inject, Injectable } from '@nestjs/common';

import { SERVICE_CODE_TARGETS, type ServiceCodeTargetAdapter } from './service-code-target';
import { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodesException, ServiceCodesExceptionCode } from './service-codes.exception';

/** The adapters of every target kind, by kind. */
@Injectable()
export class ServiceCodeTargets {
  private readonly byKind: Map<ServiceCodeTargetKind, ServiceCodeTargetAdapter>;

  constructor(@Inject(SERVICE_CODE_TARGETS) adapters: ServiceCodeTargetAdapter[]) {
    this.byKind = new Map(adapters.map((a) => [a.kind, a]));
  }

  of(kind: ServiceCodeTargetKind): ServiceCodeTargetAdapter {
    const adapter = this.byKind.get(kind);
    if (!adapter)
      throw new ServiceCodesException(ServiceCodesExceptionCode.TARGET_NOT_FOUND, '暂不支持为此类对象发放就业服务码', { field: 'input.targetKind' });
    return adapter;
  }
}
