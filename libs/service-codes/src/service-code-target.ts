import type { Type } from '@nestjs/common';

import type { Actor, GeoPoint, RequestContext } from '@jobcode/common';

import type { ScanPage } from './scan-page/scan-page.model';
import type { ServiceCodeTargetKind } from './service-code-target-kind';

export interface ScanContext {
  actor?: Actor;
  /** Where the person scanning is, when the client shares it: sorts jobs nearest first. */
  near?: GeoPoint;
  /** Set when staff or an employer scan a seeker's personal code at this job fair (attendance). */
  atFairId?: string;
  /** The state of the jobs behind the target (see ServiceCodesService.resolve): a cached view is valid while it is unchanged. */
  targetVersion?: string;
  /** The request, so an adapter can prime its DataLoaders from a cached view. */
  request?: RequestContext;
}

export interface TargetFacts {
  regionCode: string | null;
  /** A short name for lists, posters and the "replaced" answer. */
  title: string;
}

/**
 * What the service-code machinery needs to know about one kind of target. Each feature
 * library that owns a kind of target implements one and registers it with
 * `ServiceCodeTargets.register(this)` from its constructor (the way notification templates
 * are registered; RowTargetAdapter does both for a kind whose targets are rows); the machinery
 * itself knows nothing about stations, jobs, seekers or contracts.
 */
export interface ServiceCodeTargetAdapter<View extends object = object> {
  readonly kind: ServiceCodeTargetKind;
  /** The GraphQL object type `scan` returns for this kind: a member of the ScanResult union. */
  readonly view: Type<View>;
  /** Stations, workshops, fairs and jobs are public: a replaced code may point to them, and they have posters. */
  readonly isPublic: boolean;
  /**
   * Triggers keep this kind's row in scan_target_version current (migration ScanTargetVersions):
   * its scans carry a target version, under which views, pages and responses may be cached.
   */
  readonly versioned: boolean;
  /**
   * For a versioned kind: the fields, by GraphQL type, of an anonymous scan's result that the target
   * version covers (see ScanResponseCache). Listed by hand on purpose: a field added later is not
   * cached until someone checks that the version covers it.
   */
  readonly cacheableFields?: Readonly<Record<string, readonly string[]>>;
  /** The words for a township's posters of this kind printed together (GET /service-codes/posters), when offered. */
  readonly batchPosterWords?: string;
  /** The target's region and title, or undefined when it does not exist. */
  locate(targetId: string): Promise<TargetFacts | undefined>;
  /** May this actor issue, rotate and revoke codes for the target? */
  canManage(actor: Actor, targetId: string): Promise<boolean>;
  /** What a scan shows: an instance of `view`. Throws FORBIDDEN when the viewer may not see it. */
  scan(targetId: string, context: ScanContext): Promise<View>;
  /** The same content for the no-JavaScript scan page (and the poster) of the code `token`. */
  page(view: View, token: string): ScanPage;
}
