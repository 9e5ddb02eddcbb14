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
 * What the service-code machinery needs to know about one kind of target. One adapter
 * per kind lives in `targets/`; the machinery itself knows nothing about stations or jobs.
 */
export interface ServiceCodeTargetAdapter<View extends object = object> {
  readonly kind: ServiceCodeTargetKind;
  /** Stations, workshops, fairs and jobs are public: a replaced code may point to them. */
  readonly isPublic: boolean;
  /** The target's region and title, or undefined when it does not exist. */
  locate(targetId: string): Promise<TargetFacts | undefined>;
  /** May this actor issue, rotate and revoke codes for the target? */
  canManage(actor: Actor, targetId: string): Promise<boolean>;
  /** What a scan shows: an instance of one of the ScanResult union's types. Throws FORBIDDEN when the viewer may not see it. */
  scan(targetId: string, context: ScanContext): Promise<View>;
  /** The same content for the no-JavaScript scan page. */
  page(view: View): ScanPage;
}

export const SERVICE_CODE_TARGETS = Symbol('SERVICE_CODE_TARGETS');
