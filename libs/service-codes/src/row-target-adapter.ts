import type { Type } from '@nestjs/common';

import { type Actor, Role } from '@jobcode/common';
import type { RegionScope } from '@jobcode/regions';

import type { ScanPage } from './scan-page/scan-page.model';
import type { ScanContext, ServiceCodeTargetAdapter, TargetFacts } from './service-code-target';
import type { ServiceCodeTargetKind } from './service-code-target-kind';
import type { ServiceCodeTargets } from './service-code-targets';

/** What an adapter says about its kind besides its methods (see ServiceCodeTargetAdapter). */
export type ServiceCodeTargetTraits<View extends object> = Pick<
  ServiceCodeTargetAdapter<View>,
  'kind' | 'view' | 'isPublic' | 'versioned' | 'cacheableFields' | 'batchPosterWords'
>;

/**
 * The adapter of a kind whose targets are rows (a station, a job, a seeker, a contract…): it
 * registers itself with ServiceCodeTargets when Nest makes it, and answers `locate` and
 * `canManage` from the row. A subclass passes its kind's traits, says how to find the row, what
 * the codes call it and who may manage it, and writes `scan` and `page`.
 */
export abstract class RowTargetAdapter<View extends object, Row extends object> implements ServiceCodeTargetAdapter<View> {
  readonly kind: ServiceCodeTargetKind;
  readonly view: Type<View>;
  readonly isPublic: boolean;
  readonly versioned: boolean;
  readonly cacheableFields?: Readonly<Record<string, readonly string[]>>;
  readonly batchPosterWords?: string;

  /** The traits come through here, not as field initialisers: those would be set only after `register` has read them. */
  protected constructor(targets: ServiceCodeTargets, traits: ServiceCodeTargetTraits<View>) {
    this.kind = traits.kind;
    this.view = traits.view;
    this.isPublic = traits.isPublic;
    this.versioned = traits.versioned;
    this.cacheableFields = traits.cacheableFields;
    this.batchPosterWords = traits.batchPosterWords;
    targets.register(this);
  }

  /** The target's row, or null / undefined when there is none. */
  protected abstract find(id: string): Promise<Row | null | undefined>;

  /** The row's region and the short name codes, posters and the "replaced" answer give it. */
  protected abstract facts(row: Row): TargetFacts;

  /** May this actor issue, rotate and revoke codes for the row? */
  protected abstract mayManage(actor: Actor, row: Row): Promise<boolean> | boolean;

  abstract scan(targetId: string, context: ScanContext): Promise<View>;

  abstract page(view: View, token: string): ScanPage;

  async locate(id: string): Promise<TargetFacts | undefined> {
    const row = await this.find(id);
    if (!row) return undefined;
    const { regionCode, title } = this.facts(row);
    return { regionCode, title };
  }

  async canManage(actor: Actor, id: string): Promise<boolean> {
    const row = await this.find(id);
    return row ? this.mayManage(actor, row) : false;
  }
}

/** A regional target's facts: the region is always known, and an employer may run the target. */
export interface RegionalTargetFacts extends TargetFacts {
  regionCode: string;
  /** The employer that runs the target (a workshop's), whose members manage its codes too. */
  employerId?: string | null;
}

/** Is the account a member of the employer? EmployersService answers it; service codes know no employers. */
export interface EmployerMembership {
  isMember(accountId: string, employerId: string): Promise<boolean>;
}

/**
 * A row target that staff manage by region: staff and admins whose region holds the row manage
 * its codes, and — when an employer runs it — that employer's members (given `employers`).
 */
export abstract class RegionalTargetAdapter<View extends object, Row extends object> extends RowTargetAdapter<View, Row> {
  protected constructor(
    targets: ServiceCodeTargets,
    traits: ServiceCodeTargetTraits<View>,
    private readonly scope: RegionScope,
    private readonly employers?: EmployerMembership,
  ) {
    super(targets, traits);
  }

  protected abstract override facts(row: Row): RegionalTargetFacts;

  protected override async mayManage(actor: Actor, row: Row): Promise<boolean> {
    const { regionCode, employerId } = this.facts(row);
    if (actor.role === Role.EMPLOYER) return Boolean(employerId && this.employers && (await this.employers.isMember(actor.accountId, employerId)));
    return this.scope.covers(actor, regionCode);
  }
}
