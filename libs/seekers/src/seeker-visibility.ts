import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, Role } from '@jobcode/common';
import { PersonalDataField } from '@jobcode/personal-data';
import { RegionScope } from '@jobcode/regions';

/** What a caller may see of one seeker. */
export enum SeekerAccess {
  /** Nothing: the record does not exist for them. */
  NONE = 'NONE',
  /** The profile, with ID number and phone masked. */
  MASKED = 'MASKED',
  /**
   * The profile and, on request (logged like any full read), the full phone; the ID number
   * stays masked: an employer the seeker applied to, while the application is active (the
   * apply step tells the seeker so), so that it can reach the applicant.
   */
  APPLICANT = 'APPLICANT',
  /** The profile, and full ID number and phone on request (logged): the person, staff whose region holds them, admins. */
  FULL = 'FULL',
}

export interface SeekerRef {
  id: string;
  regionCode: string;
  accountId: string | null;
  consentToRecommend: boolean;
}

/** Application statuses in which the employer still deals with the applicant (libs/applications owns the table). */
export const EMPLOYER_VISIBLE_APPLICATION_STATUSES = ['APPLIED', 'SHORTLISTED', 'OFFERED', 'HIRED'];

/** What the apply step tells the seeker, and what the employer's access rests on. */
export const APPLICANT_PHONE_NOTICE =
  '报名后，该用人单位可以查看您的姓名、求职信息和完整手机号，以便联系您；每次查看都会记录，您可以在“我的个人信息”里看到谁在何时查看过。撤回报名或未被录用后，对方就不能再查看。';

/**
 * The one place that decides who sees a job seeker. Employers see the seekers who applied
 * to one of their jobs (an active application: not withdrawn or rejected): the name in
 * full, the profile, and the full phone on request (each read logged) so that they can
 * reach the applicant — never the full ID number (PIPL minimum necessary: the contract
 * identifies the worker by the checked identity on the parties' own copies).
 * Recommendations (the seeker consented) are the rule to add next.
 */
@Injectable()
export class SeekerVisibility {
  constructor(
    private readonly scope: RegionScope,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** `accessOf`, plus the rules that need the database: an employer sees, masked, a seeker who applied to its job. */
  async accessOfNow(actor: Actor | undefined, seeker: SeekerRef): Promise<SeekerAccess> {
    const access = this.accessOf(actor, seeker);
    if (access !== SeekerAccess.NONE || actor?.role !== Role.EMPLOYER) return access;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM application a JOIN employer_member m ON m.employer_id = a.employer_id
        WHERE a.job_seeker_id = $1 AND m.account_id = $2 AND a.status = ANY($3) LIMIT 1`,
      [seeker.id, actor.accountId, EMPLOYER_VISIBLE_APPLICATION_STATUSES],
    );
    return rows.length > 0 ? SeekerAccess.APPLICANT : SeekerAccess.NONE;
  }

  /** Whether the actor may read this field in full now (the caller logs the read). */
  async mayReadFieldNow(actor: Actor | undefined, seeker: SeekerRef, field: PersonalDataField): Promise<boolean> {
    const access = await this.accessOfNow(actor, seeker);
    return access === SeekerAccess.FULL || (access === SeekerAccess.APPLICANT && field === PersonalDataField.PHONE);
  }

  async canSeeNow(actor: Actor | undefined, seeker: SeekerRef): Promise<boolean> {
    return (await this.accessOfNow(actor, seeker)) !== SeekerAccess.NONE;
  }

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
        // Through an application only: needs the database, see accessOfNow.
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
