import { Injectable, type Type } from '@nestjs/common';

import type { ServiceCodeTargetAdapter } from './service-code-target';
import { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodesException, ServiceCodesExceptionCode } from './service-codes.exception';

/**
 * The view types of every registered target kind: the members of the ScanResult union besides
 * ReplacedServiceCode. Filled as adapters register (when the app's providers are made), read
 * when the GraphQL schema is built (after that, in GraphQLModule's init).
 */
export const SCAN_VIEW_TYPES = new Set<Type<object>>();

const KIND_ORDER = Object.values(ServiceCodeTargetKind);

/**
 * The adapters of every target kind, by kind. Each feature library registers its own adapter
 * from the adapter's constructor; a kind nobody registered is refused like an unknown one.
 */
@Injectable()
export class ServiceCodeTargets {
  private readonly byKind = new Map<ServiceCodeTargetKind, ServiceCodeTargetAdapter>();

  register(adapter: ServiceCodeTargetAdapter): void {
    if (this.byKind.has(adapter.kind)) throw new Error(`A service-code target adapter for ${adapter.kind} is already registered`);
    this.byKind.set(adapter.kind, adapter);
    SCAN_VIEW_TYPES.add(adapter.view);
  }

  of(kind: ServiceCodeTargetKind): ServiceCodeTargetAdapter {
    const adapter = this.byKind.get(kind);
    if (!adapter)
      throw new ServiceCodesException(ServiceCodesExceptionCode.TARGET_NOT_FOUND, '暂不支持为此类对象发放就业服务码', { field: 'input.targetKind' });
    return adapter;
  }

  find(kind: ServiceCodeTargetKind): ServiceCodeTargetAdapter | undefined {
    return this.byKind.get(kind);
  }

  /** Every registered adapter, in the order of ServiceCodeTargetKind. */
  all(): ServiceCodeTargetAdapter[] {
    return [...this.byKind.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  }
}
