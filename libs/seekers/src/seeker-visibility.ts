import { Injectable } from '@nestjs/common';

import { type Actor, Role } from '@jobcode/common';
import { RegionScope } from '@jobcode/regions';

/** What a caller may see of one seeker. */
export enum SeekerAccess {
  /** Nothing: the record does not exist for them. */
  NONE = 'NONE',
  /** The profile, with ID number and phone masked (employers through an application or a consented recommendation, once those exist). */
  MASKED = 'MASKED',
  /** The profile, and full ID number and phone on request (logged): the person, staff whose region holds them, admins. */
  FULL = 'FULL',
}

export interface SeekerRef {
  id: string;
  regionCode: string;
  accountId: string | null;
  consentToRecommend: boolean;
}

/**
 * The one place that decides who sees a job seeker. Employers get nothing today: the
 * rule to extend when applications (a seeker applied to the employer's job) and
 * recommendations (the seeker consented) exist.
 */
@Injectable()
export class SeekerVisibility {
  constructor(private readonly scope: RegionScope) {}

  accessOf(actor: Actor | undefined, seeker: SeekerRef): SeekerAccess {
    if (!actor) return SeekerAccess.NONE;
    switch (actor.role) {
      case Role.ADMIN:
        return SeekerAccess.FULL;
      case Role.STAFF:
        return this.scope.covers(actor, seeker.regionCode) ? SeekerAccess.FULL : SeekerAccess.NONE;
      case Role.SEEKER:
        return seeker.accountId !== null && seeker.accountId === actor.accountId ? SeekerAccess.FULL : SeekerAccess.NONE;
      case Role.EMPLOYER:
        return SeekerAccess.NONE;
      default:
        return SeekerAccess.NONE;
    }
  }

  canSee(actor: Actor | undefined, seeker: SeekerRef): boolean {
    return this.accessOf(actor, seeker) !== SeekerAccess.NONE;
  }

  mayReadFull(actor: Actor | undefined, seeker: SeekerRef): boolean {
    return this.accessOf(actor, seeker) === SeekerAccess.FULL;
  }

  /** Staff and admins edit what they may fully see; a seeker edits their own profile. */
  mayEdit(actor: Actor | undefined, seeker: SeekerRef): boolean {
    return this.accessOf(actor, seeker) === SeekerAccess.FULL;
  }
}
