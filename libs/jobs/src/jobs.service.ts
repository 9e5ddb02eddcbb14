import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import {
  type Actor,
  type ConnectionShape,
  COUNTY_TODAY_SQL,
  countyInstantSql,
  countyToday,
  isStaffOrAdmin,
  keysetConnection,
  type KeysetOrder,
  parseGeoPoint,
  RegionLevel,
  Role,
} from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { EmployerMember, EmployersService } from '@jobcode/employers';
import { FairBooth, GigStation, JobFair, Workshop, WorkshopStatus } from '@jobcode/job-sources';
import { OutboxService } from '@jobcode/outbox';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { refusalMessage, screenAdvert } from './advert-screening';
import { JobContentInput, PostJobInput, UpdateJobInput } from './dto/post-job.input';
import { JOB_SHIFT_CANCELLED, type JobShiftCancelledPayload } from './job-shift-events';
import { Job } from './job.entity';
import { JOB_STATUS_WORD, JobKind, JobStatus, LIVE_STATUSES } from './job.enums';
import { JobsException, JobsExceptionCode } from './jobs.exception';
import { monthlyEquivalent } from './wage';

export interface JobFilter {
  regionCode?: string;
  kind?: JobKind;
  status?: JobStatus;
  employerId?: string;
  stationId?: string;
  workshopId?: string;
  fairId?: string;
  flagged?: boolean;
  first?: number;
  after?: string;
}

/** SQL for "the job is open right now": OPEN and not past its last valid day (county time). */
const OPEN_NOW = `(j.status = 'OPEN' AND j.valid_to >= ${COUNTY_TODAY_SQL})`;

/** SQL for each effective status, so that a job past valid_to never reads as OPEN or PAUSED. */
const STATUS_SQL: Record<JobStatus, string> = {
  DRAFT: `j.status = 'DRAFT'`,
  OPEN: OPEN_NOW,
  PAUSED: `(j.status = 'PAUSED' AND j.valid_to >= ${COUNTY_TODAY_SQL})`,
  FILLED: `j.status = 'FILLED'`,
  CLOSED: `j.status = 'CLOSED'`,
  EXPIRED: `(j.status = 'EXPIRED' OR (j.status IN ('OPEN', 'PAUSED') AND j.valid_to < ${COUNTY_TODAY_SQL}))`,
};

/** Lists page newest first. */
const NEWEST_FIRST: KeysetOrder = {
  keys: [
    { column: 'j.created_at', type: 'timestamptz' },
    { column: 'j.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

const MAX_VALID_DAYS = 366;

/** Published (in the same transaction) on every write that changes what search shows; payload `{ jobId }`. */
export const JOB_CHANGED = 'job.changed';

/**
 * Jobs and their lifecycle. Each status change has its own method (publish, pause, resume,
 * markFilled, close, expireOverdue) so that domain events can be added in one place each.
 */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly employers: EmployersService,
    private readonly outbox: OutboxService,
  ) {}

  private jobChanged(manager: EntityManager, jobId: string): Promise<string> {
    return this.outbox.publish(manager, { type: JOB_CHANGED, aggregateId: jobId, payload: { jobId } });
  }

  /** A job read as of now: OPEN or PAUSED past its valid-to date is EXPIRED, even before the sweep ran. */
  effectiveStatus(job: Job, today = countyToday()): JobStatus {
    if ((job.status === JobStatus.OPEN || job.status === JobStatus.PAUSED) && job.validTo < today) return JobStatus.EXPIRED;
    return job.status;
  }

  // ---- writing ----

  async post(actor: Actor, input: PostJobInput): Promise<Job> {
    const content = await this.validateContent(input, input.kind);
    let employerId: string | null = null;
    if (input.kind === JobKind.PUBLIC_WELFARE) {
      if (!isStaffOrAdmin(actor)) {
        throw new JobsException(JobsExceptionCode.PUBLIC_WELFARE_STAFF_ONLY, '公益性岗位由人社局工作人员发布；用人单位请选择其他岗位类型', {
          field: 'input.kind',
        });
      }
      if (input.employerId) {
        throw new JobsException(JobsExceptionCode.INVALID_JOB, '公益性岗位由人社局发布，不填用人单位（employerId）', { field: 'input.employerId' });
      }
    } else {
      if (!input.employerId) throw new JobsException(JobsExceptionCode.INVALID_JOB, '请选择发布岗位的用人单位（employerId）', { field: 'input.employerId' });
      const employer = await this.employers.requireManageable(actor, input.employerId);
      this.employers.assertVerified(employer);
      employerId = employer.id;
    }
    if (isStaffOrAdmin(actor)) await this.scope.assertCovers(actor, content.regionCode);
    await this.checkSource(input, employerId);
    const job = await inTransaction(this.dataSource, async (manager) => {
      const saved = await manager.save(
        manager.create(Job, {
          ...content,
          employerId,
          kind: input.kind,
          stationId: input.stationId ?? null,
          workshopId: input.workshopId ?? null,
          fairId: input.fairId ?? null,
          status: JobStatus.DRAFT,
          postedBy: actor.accountId,
        }),
      );
      await this.jobChanged(manager, saved.id);
      return saved;
    });
    return input.publish ? this.publish(actor, job.id) : job;
  }

  async update(actor: Actor, input: UpdateJobInput): Promise<Job> {
    return inTransaction(this.dataSource, async (manager) => {
      const job = await this.requireManageable(actor, input.jobId, manager, true);
      const status = this.effectiveStatus(job);
      if (!LIVE_STATUSES.includes(status)) {
        throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, `岗位${JOB_STATUS_WORD[status]}，不能再修改；如需继续招聘请发布新岗位`);
      }
      const content = await this.validateContent(input, job.kind);
      if (isStaffOrAdmin(actor)) await this.scope.assertCovers(actor, content.regionCode);
      // The job would expire before shifts people have booked: they would never be told.
      const [lastBooked] = (await manager.query(
        `SELECT max(date)::text AS date FROM job_shift WHERE job_id = $1 AND status = 'OPEN' AND booked_count > 0 AND date > $2`,
        [job.id, content.validTo],
      )) as { date: string | null }[];
      if (lastBooked?.date) {
        throw new JobsException(
          JobsExceptionCode.INVALID_TRANSITION,
          `${lastBooked.date} 还有已被预约的班次，有效期止不能早于这一天；请先取消这些班次（会通知已预约的人）`,
          { field: 'input.validTo' },
        );
      }
      Object.assign(job, content);
      const saved = await manager.save(job);
      await this.jobChanged(manager, saved.id);
      return (await this.settleHires(manager, saved.id)) ?? saved;
    });
  }

  /** DRAFT → OPEN. The employer must (still) be verified. */
  async publish(actor: Actor, jobId: string): Promise<Job> {
    return this.transition(actor, jobId, [JobStatus.DRAFT], JobStatus.OPEN, '发布', async (job, manager) => {
      if (job.employerId) {
        const employer = await this.employers.findById(job.employerId, manager);
        if (employer) this.employers.assertVerified(employer);
      }
      job.publishedAt = new Date();
    });
  }

  /** OPEN → PAUSED. */
  async pause(actor: Actor, jobId: string): Promise<Job> {
    return this.transition(actor, jobId, [JobStatus.OPEN], JobStatus.PAUSED, '暂停');
  }

  /** PAUSED → OPEN. */
  async resume(actor: Actor, jobId: string): Promise<Job> {
    return this.transition(actor, jobId, [JobStatus.PAUSED], JobStatus.OPEN, '恢复招聘');
  }

  /** OPEN | PAUSED → FILLED. */
  async markFilled(actor: Actor, jobId: string): Promise<Job> {
    return this.transition(actor, jobId, [JobStatus.OPEN, JobStatus.PAUSED], JobStatus.FILLED, '标记为已招满', async (job) => {
      job.endedAt = new Date();
    });
  }

  /**
   * Keeps the status in step with the hires, in the caller's transaction (the job's row is
   * locked here): OPEN | PAUSED with as many people HIRED as the headcount becomes FILLED by
   * itself; a job FILLED that way reopens (OPEN, or EXPIRED past its valid-to date) when a
   * hire is undone or the headcount raised. A job marked FILLED by hand stays so.
   * Called by applications on every move into or out of HIRED, and after an edit of the job.
   */
  async settleHires(manager: EntityManager, jobId: string): Promise<Job | null> {
    const job = await manager.findOne(Job, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
    if (!job) return null;
    const [{ hired }] = (await manager.query(`SELECT count(DISTINCT job_seeker_id)::int AS hired FROM application WHERE job_id = $1 AND status = 'HIRED'`, [
      jobId,
    ])) as { hired: number }[];
    const status = this.effectiveStatus(job);
    if ((status === JobStatus.OPEN || status === JobStatus.PAUSED) && hired >= job.headcount) {
      job.status = JobStatus.FILLED;
      job.filledByHires = true;
      job.endedAt = new Date();
    } else if (job.status === JobStatus.FILLED && job.filledByHires && hired < job.headcount) {
      job.status = job.validTo < countyToday() ? JobStatus.EXPIRED : JobStatus.OPEN;
      job.filledByHires = false;
      job.endedAt = job.status === JobStatus.EXPIRED ? new Date() : null;
    } else {
      return job;
    }
    const saved = await manager.save(job);
    await this.jobChanged(manager, job.id);
    return saved;
  }

  /**
   * DRAFT | OPEN | PAUSED → CLOSED. A closed job's shifts that have not started are cancelled
   * in the same transaction, so nobody walks to a station for work that was withdrawn: each
   * cancellation is published and the bookings library cancels its bookings and tells the seekers.
   */
  async close(actor: Actor, jobId: string): Promise<Job> {
    return this.transition(actor, jobId, [JobStatus.DRAFT, JobStatus.OPEN, JobStatus.PAUSED], JobStatus.CLOSED, '关闭', async (job, manager) => {
      job.endedAt = new Date();
      await this.cancelUpcomingShifts(manager, job.id, '岗位已关闭');
    });
  }

  private async cancelUpcomingShifts(manager: EntityManager, jobId: string, reason: string): Promise<void> {
    const [cancelled] = (await manager.query(
      `UPDATE job_shift SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $2, updated_at = now()
        WHERE job_id = $1 AND status = 'OPEN' AND ${countyInstantSql('date + start_time')} > now()
        RETURNING id`,
      [jobId, reason],
    )) as [{ id: string }[], number];
    for (const { id } of cancelled) {
      const payload: JobShiftCancelledPayload = { shiftId: id, jobId, reason };
      await this.outbox.publish(manager, { type: JOB_SHIFT_CANCELLED, aggregateId: id, payload, idempotencyKey: `${JOB_SHIFT_CANCELLED}:${id}` });
    }
  }

  /**
   * OPEN | PAUSED past valid_to → EXPIRED, for every job at once. One UPDATE, so any number
   * of API processes may run it at the same time: each row changes once.
   */
  async expireOverdue(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE job SET status = 'EXPIRED', ended_at = now(), updated_at = now()
          WHERE status IN ('OPEN', 'PAUSED') AND valid_to < ${COUNTY_TODAY_SQL}
          RETURNING id`,
      )) as [{ id: string }[], number];
      for (const row of rows) await this.jobChanged(manager, row.id);
      return rows.length;
    });
  }

  private async transition(
    actor: Actor,
    jobId: string,
    from: JobStatus[],
    to: JobStatus,
    verb: string,
    apply?: (job: Job, manager: EntityManager) => Promise<void>,
  ): Promise<Job> {
    return inTransaction(this.dataSource, async (manager) => {
      const job = await this.requireManageable(actor, jobId, manager, true);
      const current = this.effectiveStatus(job);
      if (!from.includes(current)) {
        const hint = current === JobStatus.EXPIRED || (current === JobStatus.DRAFT && job.validTo < countyToday()) ? '；有效期已过，请先修改有效期止' : '';
        throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, `岗位当前为"${JOB_STATUS_WORD[current]}"，不能${verb}${hint}`, {
          details: { status: current, to },
        });
      }
      if (to === JobStatus.OPEN && job.validTo < countyToday()) {
        throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, `岗位有效期已于 ${job.validTo} 结束，请先修改有效期止再${verb}`, { field: 'validTo' });
      }
      if (apply) await apply(job, manager);
      job.status = to;
      const saved = await manager.save(job);
      await this.jobChanged(manager, saved.id);
      return saved;
    });
  }

  // ---- reading ----

  /** May the actor manage this job? Employers: their own employers' jobs. Staff: jobs inside their region. */
  async canManage(actor: Actor | undefined, job: Job, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!actor) return false;
    if (actor.role === Role.EMPLOYER) return job.employerId !== null && this.employers.isMember(actor.accountId, job.employerId, manager);
    return isStaffOrAdmin(actor) && this.scope.covers(actor, job.regionCode);
  }

  /** The job, when the actor may manage it (optionally locked FOR UPDATE); NOT_FOUND or FORBIDDEN otherwise. */
  async requireManageable(actor: Actor, jobId: string, manager: EntityManager, lock: boolean): Promise<Job> {
    const job = await manager.findOne(Job, { where: { id: jobId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!job) throw this.notFound();
    if (await this.canManage(actor, job, manager)) return job;
    const publiclyVisible = this.effectiveStatus(job) === JobStatus.OPEN;
    if (isStaffOrAdmin(actor)) await this.scope.assertCovers(actor, job.regionCode);
    if (publiclyVisible) throw new JobsException(JobsExceptionCode.NOT_YOUR_JOB, '只能修改本单位发布的岗位');
    throw this.notFound();
  }

  /** OPEN jobs are public; any other status only to those who manage the job. */
  async requireVisible(actor: Actor | undefined, jobId: string): Promise<Job> {
    const job = await this.dataSource.manager.findOne(Job, { where: { id: jobId } });
    if (!job) throw this.notFound();
    if (this.effectiveStatus(job) === JobStatus.OPEN || (await this.canManage(actor, job))) return job;
    throw this.notFound();
  }

  /**
   * Jobs the actor may see, newest first. Everyone sees OPEN jobs; employers also their own
   * employers' jobs in any status; staff also every job inside their region.
   */
  async list(actor: Actor | undefined, filter: JobFilter): Promise<ConnectionShape<Job>> {
    const qb = this.dataSource.manager.createQueryBuilder(Job, 'j');
    if (actor && (actor.role === Role.STAFF || actor.role === Role.ADMIN)) {
      const prefix = this.scope.prefixOf(actor);
      if (prefix !== null) qb.andWhere(`(${OPEN_NOW} OR j.region_code LIKE :scopePrefix)`, { scopePrefix: `${prefix}%` });
    } else if (actor?.role === Role.EMPLOYER) {
      const members = this.dataSource.getMetadata(EmployerMember).tableName;
      qb.andWhere(`(${OPEN_NOW} OR j.employer_id IN (SELECT m.employer_id FROM ${members} m WHERE m.account_id = :me))`, { me: actor.accountId });
    } else {
      qb.andWhere(OPEN_NOW);
    }
    if (filter.regionCode) {
      const region = await this.regions.require(filter.regionCode, 'regionCode');
      qb.andWhere('j.region_code LIKE :regionPrefix', { regionPrefix: `${region.code}%` });
    }
    if (filter.kind) qb.andWhere('j.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere(STATUS_SQL[filter.status]);
    if (filter.employerId) qb.andWhere('j.employer_id = :employerId', { employerId: filter.employerId });
    if (filter.stationId) qb.andWhere('j.station_id = :stationId', { stationId: filter.stationId });
    if (filter.workshopId) qb.andWhere('j.workshop_id = :workshopId', { workshopId: filter.workshopId });
    if (filter.fairId) qb.andWhere('j.fair_id = :fairId', { fairId: filter.fairId });
    if (filter.flagged && isStaffOrAdmin(actor)) qb.andWhere('cardinality(j.flags) > 0');
    return keysetConnection(qb, filter, NEWEST_FIRST, (r) => r);
  }

  // ---- validation ----

  private async validateContent(input: JobContentInput, kind: JobKind) {
    if (input.wageMax < input.wageMin) throw new JobsException(JobsExceptionCode.INVALID_JOB, '工资上限不能低于下限', { field: 'input.wageMax' });
    const region = await this.regions.require(input.regionCode, 'input.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
    const { lat: latitude, lng: longitude } = parseGeoPoint(input.latitude, input.longitude);
    for (const [field, value] of [
      ['validFrom', input.validFrom],
      ['validTo', input.validTo],
    ] as const) {
      if (!isRealDate(value)) throw new JobsException(JobsExceptionCode.INVALID_JOB, `日期 ${value} 不存在，请检查月份和日期`, { field: `input.${field}` });
    }
    if (input.validTo < input.validFrom) throw new JobsException(JobsExceptionCode.INVALID_JOB, '有效期止不能早于有效期起', { field: 'input.validTo' });
    if (daysBetween(input.validFrom, input.validTo) > MAX_VALID_DAYS) {
      throw new JobsException(JobsExceptionCode.INVALID_JOB, '岗位有效期最长一年；到期后可重新发布', { field: 'input.validTo' });
    }
    if (input.validTo < countyToday())
      throw new JobsException(JobsExceptionCode.INVALID_JOB, `有效期止（${input.validTo}）已过，请填写今天或以后的日期`, { field: 'input.validTo' });
    const screening = screenAdvert({ title: input.title, description: input.description, requirements: input.requirements ?? '' });
    if (screening.refusals.length > 0) {
      throw new JobsException(JobsExceptionCode.DISCRIMINATORY_ADVERT, refusalMessage(screening.refusals), {
        field: `input.${screening.refusals[0].field}`,
        details: { phrases: screening.refusals.map((r) => r.phrase) },
      });
    }
    if (kind === JobKind.GIG && input.wageUnit === 'MONTH') {
      throw new JobsException(JobsExceptionCode.INVALID_JOB, '零工岗位按天、按小时或计件结算，工资单位请选 DAY、HOUR 或 PIECE', { field: 'input.wageUnit' });
    }
    const benefits = input.benefits;
    return {
      title: input.title.trim(),
      occupation: input.occupation.trim(),
      occupationCode: input.occupationCode ?? null,
      description: input.description.trim(),
      wageMin: input.wageMin,
      wageMax: input.wageMax,
      wageUnit: input.wageUnit,
      monthlyWageMin: monthlyEquivalent(input.wageMin, input.wageUnit),
      monthlyWageMax: monthlyEquivalent(input.wageMax, input.wageUnit),
      headcount: input.headcount,
      regionCode: region.code,
      address: input.address.trim(),
      latitude,
      longitude,
      workingHours: input.workingHours.trim(),
      providesBoard: benefits?.board ?? false,
      providesLodging: benefits?.lodging ?? false,
      providesTransport: benefits?.transport ?? false,
      socialInsurance: benefits?.socialInsurance ?? false,
      requirements: input.requirements?.trim() ?? '',
      contractTerm: input.contractTerm?.trim() ?? '',
      validFrom: input.validFrom,
      validTo: input.validTo,
      flags: screening.flags,
    };
  }

  private async checkSource(input: PostJobInput, employerId: string | null): Promise<void> {
    const given = [input.stationId, input.workshopId, input.fairId].filter(Boolean).length;
    if (given > 1) throw new JobsException(JobsExceptionCode.INVALID_SOURCE, '岗位来源至多一个：零工站点、车间或招聘会三选一', { field: 'input.stationId' });
    const manager = this.dataSource.manager;
    if (input.stationId && !(await manager.exists(GigStation, { where: { id: input.stationId } }))) {
      throw new JobsException(JobsExceptionCode.INVALID_SOURCE, '零工站点不存在', { field: 'input.stationId' });
    }
    if (input.workshopId) {
      const workshop = await manager.findOne(Workshop, { where: { id: input.workshopId } });
      if (!workshop || workshop.employerId !== employerId) {
        throw new JobsException(JobsExceptionCode.INVALID_SOURCE, '只能在本单位开办的车间下发布岗位', { field: 'input.workshopId' });
      }
      if (workshop.status !== WorkshopStatus.CERTIFIED) {
        throw new JobsException(JobsExceptionCode.INVALID_SOURCE, `${workshop.name}尚未通过县人社局认定（或已撤销），暂不能以车间名义发布岗位`, {
          field: 'input.workshopId',
        });
      }
    }
    if (input.fairId) {
      const fair = await manager.findOne(JobFair, { where: { id: input.fairId } });
      if (!fair) throw new JobsException(JobsExceptionCode.INVALID_SOURCE, '招聘会不存在', { field: 'input.fairId' });
      if (fair.endsAt <= new Date()) throw new JobsException(JobsExceptionCode.INVALID_SOURCE, `${fair.name}已经结束`, { field: 'input.fairId' });
      if (employerId && !(await manager.exists(FairBooth, { where: { fairId: fair.id, employerId } }))) {
        throw new JobsException(JobsExceptionCode.INVALID_SOURCE, `请先在${fair.name}预订展位，再发布招聘会岗位`, { field: 'input.fairId' });
      }
    }
  }

  notFound(): JobsException {
    return new JobsException(JobsExceptionCode.JOB_NOT_FOUND, '岗位不存在，或已停止招聘');
  }
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
