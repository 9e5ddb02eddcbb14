import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { Account, Session } from '@jobcode/accounts';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { JobSeeker, JobSeekerSupportGroup } from '@jobcode/seekers';

/** Labour Contract Law art. 50: an employer keeps the texts of ended contracts at least two years; the platform keeps its copy as long. */
export const CONTRACT_RETENTION_YEARS = 2;
/** Placements (and their follow-up visits) back the employment figures and subsidy checks: two years from the request. */
export const PLACEMENT_RETENTION_YEARS = 2;
/** Civil Code art. 188: claims for pay run three years; a gig's hours and pay are kept that long after the shift. */
export const GIG_RETENTION_YEARS = 3;
export const KEPT_CONTRACT_STATUSES = ['SIGNED_BY_SEEKER', 'ACTIVE', 'ENDED'];
/** Gig bookings that are no record of work or pay: a cancelled one is erased at the request. */
export const ERASED_GIG_STATUSES = ['CANCELLED'];
/** Gig bookings that are counted but hold no work or pay (a no-show keeps its seat counted): anonymised with the person, not kept for them. */
export const COUNTED_GIG_STATUSES = ['NO_SHOW'];

export const inWords = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function addYears(day: string, years: number): string {
  const shifted = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  // 29 February of a year that has none: the day before the 1st of March.
  return shifted.endsWith('-02-29') && new Date(`${shifted}T00:00:00Z`).getUTCMonth() !== 1 ? shifted.replace(/-29$/, '-28') : shifted;
}

const maxDay = (a: string | null, b: string): string => (a && a > b ? a : b);

/** What the law requires keeping of a person's records after a deletion request, and until when. */
export interface Retention {
  /** What is kept and why, in the words shown to the person; empty when nothing is. */
  retained: string[];
  /** The last day records are kept; null while a contract still runs (or when nothing is kept). */
  until: string | null;
  /** A kept contract has no last day yet: kept until two years after it ends. */
  untilContractEnds: boolean;
  placements: number;
}

/**
 * The retention of a person's records, counted from `requestDay`: signed contracts until two
 * years after they end, placements (with their follow-up visits) two years from the request,
 * gig bookings with work or pay on them three years after the shift. The sweep asks again
 * while a contract still runs, and erases once the day has passed.
 */
export async function retentionOf(manager: EntityManager, seekerId: string, requestDay: string): Promise<Retention> {
  const retained: string[] = [];
  let until: string | null = null;
  let untilContractEnds = false;
  const contracts: { status: string; last_day: string | null }[] = await manager.query(
    `SELECT status, to_char(coalesce(ended_on, end_date), 'YYYY-MM-DD') AS last_day FROM contract WHERE job_seeker_id = $1 AND status = ANY($2)`,
    [seekerId, KEPT_CONTRACT_STATUSES],
  );
  if (contracts.length) {
    retained.push(`劳动合同 ${contracts.length} 份及其签署记录（劳动合同法第五十条：解除或终止后至少保存二年备查）`);
    for (const c of contracts) {
      if (c.status !== 'ENDED' && !c.last_day) untilContractEnds = true;
      else if (c.last_day) until = maxDay(until, addYears(c.last_day, CONTRACT_RETENTION_YEARS));
    }
  }
  const [placements] = (await manager.query(`SELECT count(*)::int AS n FROM placement WHERE job_seeker_id = $1`, [seekerId])) as { n: number }[];
  if (placements.n > 0) {
    retained.push(`就业登记 ${placements.n} 条及随访记录（就业统计和就业补贴核查）`);
    until = maxDay(until, addYears(requestDay, PLACEMENT_RETENTION_YEARS));
  }
  const [gigs] = (await manager.query(
    `SELECT count(*)::int AS n, to_char(max(shift_date), 'YYYY-MM-DD') AS last_day FROM gig_booking
      WHERE seeker_id = $1 AND NOT (status = ANY($2)) AND NOT (status = ANY($3))`,
    [seekerId, ERASED_GIG_STATUSES, COUNTED_GIG_STATUSES],
  )) as { n: number; last_day: string | null }[];
  if (gigs.n > 0 && gigs.last_day) {
    retained.push(`零工记录 ${gigs.n} 条（工时和工钱，结算和争议备查：民法典第一百八十八条，诉讼时效三年）`);
    until = maxDay(until, addYears(gigs.last_day, GIG_RETENTION_YEARS));
  }
  return { retained, until: untilContractEnds || !retained.length ? null : until, untilContractEnds, placements: placements.n };
}

const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/**
 * Erasing a person's data, in the caller's transaction: what goes at the request
 * (`atRequest`) and what goes when the retention ends (`afterRetention`). Rows that figures
 * count (the seeker row, applications, placements, gig bookings with a counted seat) stay,
 * anonymised: they keep their count and point to nobody.
 */
@Injectable()
export class DataErasure {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /**
   * At the request. `identity`: nothing is kept, so the person's identity goes too (the seeker
   * row anonymised in place, support groups dropped). Always: wishes and notes erased; follow-up
   * visits deleted, or, when placements are kept, only their staff notes erased (the visit, its
   * date and whether the person was still employed back the subsidy checks); cancelled gig
   * bookings deleted (with their ratings) and rating comments on the rest erased; the account's
   * scans no longer tied to it (the scan stays counted).
   */
  async atRequest(manager: EntityManager, seeker: JobSeeker | null, accountId: string, identity: boolean, keepsPlacements: boolean): Promise<void> {
    if (seeker) {
      await this.eraseSeeker(manager, seeker, identity, identity);
      if (keepsPlacements) await manager.query(`UPDATE follow_up SET needs = NULL, next_step = NULL WHERE job_seeker_id = $1`, [seeker.id]);
      else await manager.query(`DELETE FROM follow_up WHERE job_seeker_id = $1`, [seeker.id]);
      await manager.query(`DELETE FROM gig_booking WHERE seeker_id = $1 AND status = ANY($2)`, [seeker.id, ERASED_GIG_STATUSES]);
      await manager.query(`UPDATE gig_rating SET comment = '' WHERE comment <> '' AND booking_id IN (SELECT id FROM gig_booking WHERE seeker_id = $1)`, [
        seeker.id,
      ]);
    }
    await manager.query(`UPDATE scan_event SET account_id = NULL WHERE account_id = $1`, [accountId]);
  }

  /**
   * When the retention has ended: the person's contracts deleted with their events, signatures
   * and signing codes; follow-up visits deleted; the seeker row anonymised (placements, gig
   * bookings and applications stay counted, pointing to nobody; support groups stay so the
   * figures by group keep their count); the account's scans untied. Returns what was erased,
   * in words for the person.
   */
  async afterRetention(manager: EntityManager, seeker: JobSeeker, accountId: string | null): Promise<string[]> {
    // contract_event is append-only; its trigger admits deletes inside a declared retention erasure only.
    await manager.query(`SET LOCAL jobcode.retention_erasure = 'on'`);
    const contracts = `SELECT id FROM contract WHERE job_seeker_id = $1`;
    await manager.query(`DELETE FROM contract_event WHERE contract_id IN (${contracts})`, [seeker.id]);
    await manager.query(`DELETE FROM contract_signature WHERE contract_id IN (${contracts})`, [seeker.id]);
    await manager.query(`DELETE FROM contract_signing_code WHERE contract_id IN (${contracts})`, [seeker.id]);
    const contractCount = affected(await manager.query(`DELETE FROM contract WHERE job_seeker_id = $1`, [seeker.id]));
    await manager.query(`SET LOCAL jobcode.retention_erasure = 'off'`);
    const visits = affected(await manager.query(`DELETE FROM follow_up WHERE job_seeker_id = $1`, [seeker.id]));
    const [{ placements }] = (await manager.query(`SELECT count(*)::int AS placements FROM placement WHERE job_seeker_id = $1`, [seeker.id])) as {
      placements: number;
    }[];
    const gigs = affected(await manager.query(`UPDATE gig_booking SET cancel_reason = NULL WHERE seeker_id = $1`, [seeker.id]));
    await manager.query(`UPDATE gig_rating SET comment = '' WHERE comment <> '' AND booking_id IN (SELECT id FROM gig_booking WHERE seeker_id = $1)`, [
      seeker.id,
    ]);
    await this.eraseSeeker(manager, seeker, true, false);
    if (accountId) await manager.query(`UPDATE scan_event SET account_id = NULL WHERE account_id = $1`, [accountId]);
    return [
      ...(contractCount ? [`劳动合同 ${contractCount} 份及其签署记录`] : []),
      ...(placements ? [`就业登记 ${placements} 条中的姓名、身份证号和手机号（人数仍计入统计）`] : []),
      ...(visits ? [`随访记录 ${visits} 条`] : []),
      ...(gigs ? [`零工记录 ${gigs} 条中的姓名、身份证号和手机号`] : []),
      '姓名、身份证号、手机号',
    ];
  }

  /** Erases what is not kept; `identity` also the identity (anonymised in place: the counted rows stay, nobody is behind them). */
  async eraseSeeker(manager: EntityManager, seeker: JobSeeker, identity: boolean, dropSupportGroups: boolean): Promise<void> {
    const erased: Partial<JobSeeker> = {
      skills: [],
      wantedOccupations: [],
      wantedWage: null,
      wantedWageUnit: null,
      availableFrom: null,
      trainingWanted: [],
      consentToRecommend: false,
      processingRestrictedAt: seeker.processingRestrictedAt ?? new Date(),
    };
    if (identity) {
      Object.assign(erased, {
        accountId: null,
        name: '已删除',
        idNumberHash: this.cipher.hash(randomUUID(), 'erased-id-number'),
        idNumberEncrypted: this.cipher.encrypt(''),
        phoneHash: this.cipher.hash(randomUUID(), 'erased-phone'),
        phoneEncrypted: this.cipher.encrypt(''),
        birthDate: `${seeker.birthDate.slice(0, 4)}-01-01`,
      } satisfies Partial<JobSeeker>);
    }
    if (dropSupportGroups) await manager.delete(JobSeekerSupportGroup, { jobSeekerId: seeker.id });
    await manager.update(JobSeeker, { id: seeker.id }, erased);
    await manager.query(`UPDATE application SET message = '' WHERE job_seeker_id = $1`, [seeker.id]);
  }

  /** Closes an account: name and phone erased, no password or authenticator, disabled, every session revoked. */
  async closeAccount(manager: EntityManager, account: Account): Promise<void> {
    await manager.update(
      Account,
      { id: account.id },
      {
        name: '已注销',
        phoneHash: this.cipher.hash(randomUUID(), 'erased-phone'),
        phoneEncrypted: this.cipher.encrypt(''),
        passwordHash: null,
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        disabledAt: new Date(),
      },
    );
    await manager.update(Session, { accountId: account.id }, { revokedAt: new Date() });
  }
}
