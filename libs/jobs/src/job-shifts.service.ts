import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { type Actor, COUNTY_TODAY_SQL, countyInstantSql, countyToday } from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { GigStation } from '@jobcode/job-sources';
import { OutboxService } from '@jobcode/outbox';

import { type JobShiftTermsInput, AddJobShiftInput, CancelJobShiftInput, ChangeJobShiftInput } from './dto/job-shift.input';
import { JOB_SHIFT_CANCELLED, type JobShiftCancelledPayload } from './job-shift-events';
import { JobShift } from './job-shift.entity';
import { Job } from './job.entity';
import { JobKind, JobShiftStatus, JobStatus, LIVE_STATUSES } from './job.enums';
import { JobsException, JobsExceptionCode } from './jobs.exception';
import { JobsService } from './jobs.service';

/** A shift of an OPEN gig job as a station's board shows it. */
export interface BoardEntry {
  job: Job;
  shift: JobShift;
}

/**
 * The shifts of gig jobs: add, change (only while nobody booked), cancel (the booked
 * seekers are told through the outbox), and the station board.
 */
@Injectable()
export class JobShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
  ) {}

  async add(actor: Actor, input: AddJobShiftInput): Promise<JobShift> {
    return inTransaction(this.dataSource, async (manager) => {
      const job = await this.jobs.requireManageable(actor, input.jobId, manager, true);
      if (job.kind !== JobKind.GIG) throw new JobsException(JobsExceptionCode.INVALID_JOB, '只有零工岗位（GIG）可以设置班次', { field: 'input.jobId' });
      this.assertJobLive(job, '添加班次');
      const terms = await this.validateTerms(job, input, manager);
      return this.saveUnique(manager, manager.create(JobShift, { jobId: job.id, ...terms }));
    });
  }

  /** Changes a shift's terms, until the first booking: after that, cancel it and add a new one. */
  async change(actor: Actor, input: ChangeJobShiftInput): Promise<JobShift> {
    return inTransaction(this.dataSource, async (manager) => {
      const shift = await this.requireShift(input.shiftId, manager);
      const job = await this.jobs.requireManageable(actor, shift.jobId, manager, false);
      if (shift.status === JobShiftStatus.CANCELLED) throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, '班次已取消，不能再修改');
      if (shift.bookedCount > 0) {
        throw new JobsException(
          JobsExceptionCode.SHIFT_BOOKED,
          `已有 ${shift.bookedCount} 人预约这个班次，不能再修改；如需调整请取消班次（会通知已预约的人）后重新添加`,
          {
            details: { bookedCount: shift.bookedCount },
          },
        );
      }
      this.assertJobLive(job, '修改班次');
      Object.assign(shift, await this.validateTerms(job, input, manager));
      return this.saveUnique(manager, shift);
    });
  }

  /** Cancels a shift; every booked seeker is told (the bookings library handles the event in its own delivery). */
  async cancel(actor: Actor, input: CancelJobShiftInput): Promise<JobShift> {
    return inTransaction(this.dataSource, async (manager) => {
      const shift = await this.requireShift(input.shiftId, manager);
      await this.jobs.requireManageable(actor, shift.jobId, manager, false);
      if (shift.status === JobShiftStatus.CANCELLED) throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, '班次已经取消过了');
      const startsAt = await this.startsAt(shift, manager);
      if (startsAt <= new Date()) throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, '班次已经开始，不能再取消；未到岗的人请标记为未到岗');
      shift.status = JobShiftStatus.CANCELLED;
      shift.cancelledAt = new Date();
      shift.cancelReason = input.reason.trim();
      const saved = await manager.save(shift);
      const payload: JobShiftCancelledPayload = { shiftId: shift.id, jobId: shift.jobId, reason: shift.cancelReason };
      await this.outbox.publish(manager, { type: JOB_SHIFT_CANCELLED, aggregateId: shift.id, payload, idempotencyKey: `${JOB_SHIFT_CANCELLED}:${shift.id}` });
      return saved;
    });
  }

  /**
   * 零工驿站看板: the OPEN shifts of OPEN gig jobs meeting at the station (or posted from it)
   * on `days` county dates from `fromDate`, earliest first, with slots left.
   */
  async boardForStation(stationId: string, fromDate = countyToday(), days = 2): Promise<BoardEntry[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(JobShift, 's')
      .innerJoinAndMapOne('s.job', Job, 'j', 'j.id = s.job_id')
      .where(`s.status = 'OPEN' AND j.kind = 'GIG' AND j.status = 'OPEN' AND j.valid_to >= ${COUNTY_TODAY_SQL}`)
      .andWhere('(s.meeting_station_id = :stationId OR (s.meeting_station_id IS NULL AND j.station_id = :stationId))', { stationId })
      .andWhere(`s.date >= :fromDate::date AND s.date < :fromDate::date + :days::int`, { fromDate, days })
      .orderBy('s.date', 'ASC')
      .addOrderBy('s.start_time', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(200)
      .getMany();
    return rows.map((shift) => ({ job: shift.job as Job, shift }));
  }

  async findById(shiftId: string, manager: EntityManager = this.dataSource.manager): Promise<JobShift | null> {
    return manager.findOne(JobShift, { where: { id: shiftId } });
  }

  /** When the shift starts, as an instant (its date and time are county-local). */
  async startsAt(shift: JobShift, manager: EntityManager = this.dataSource.manager): Promise<Date> {
    const [row] = (await manager.query(`SELECT ${countyInstantSql('$1::date + $2::time')} AS at`, [shift.date, shift.startTime])) as { at: Date }[];
    return row.at;
  }

  private async requireShift(shiftId: string, manager: EntityManager): Promise<JobShift> {
    const shift = await manager.findOne(JobShift, { where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
    if (!shift) throw new JobsException(JobsExceptionCode.SHIFT_NOT_FOUND, '班次不存在');
    return shift;
  }

  private assertJobLive(job: Job, verb: string): void {
    const status = this.jobs.effectiveStatus(job);
    if (!LIVE_STATUSES.includes(status)) {
      throw new JobsException(JobsExceptionCode.INVALID_TRANSITION, `岗位已${status === JobStatus.EXPIRED ? '过有效期' : '结束招聘'}，不能再${verb}`);
    }
  }

  private async validateTerms(job: Job, input: JobShiftTermsInput, manager: EntityManager) {
    if (!isRealDate(input.date)) throw new JobsException(JobsExceptionCode.INVALID_JOB, `日期 ${input.date} 不存在`, { field: 'input.date' });
    if (input.date < countyToday() || input.date < job.validFrom || input.date > job.validTo) {
      throw new JobsException(JobsExceptionCode.INVALID_JOB, `班次日期应在岗位有效期内（${job.validFrom} 至 ${job.validTo}）且不早于今天`, {
        field: 'input.date',
      });
    }
    if (input.endTime <= input.startTime) {
      throw new JobsException(JobsExceptionCode.INVALID_JOB, '结束时间应晚于开始时间（班次不跨夜）', { field: 'input.endTime' });
    }
    const dayPay = input.dayPay ?? null;
    const pieceRate = input.pieceRate ?? null;
    if (dayPay === null && pieceRate === null) {
      throw new JobsException(JobsExceptionCode.INVALID_JOB, '请填写日薪（dayPay，日结）或计件单价（pieceRate，计件）', { field: 'input.dayPay' });
    }
    const meetingStationId = input.meetingStationId ?? job.stationId ?? null;
    if (meetingStationId && !(await manager.exists(GigStation, { where: { id: meetingStationId } }))) {
      throw new JobsException(JobsExceptionCode.INVALID_SOURCE, '集合的零工驿站不存在', { field: 'input.meetingStationId' });
    }
    return {
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      slots: input.slots,
      dayPay,
      pieceRate,
      meetingStationId,
      meetingPoint: input.meetingPoint?.trim() ?? '',
      instantHiring: input.instantHiring,
    };
  }

  private async saveUnique(manager: EntityManager, shift: JobShift): Promise<JobShift> {
    try {
      return await manager.save(shift);
    } catch (error) {
      if (isUniqueViolation(error)) throw new JobsException(JobsExceptionCode.SHIFT_TAKEN, `${shift.date} ${shift.startTime.slice(0, 5)} 开始的班次已经存在`);
      throw error;
    }
  }
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
