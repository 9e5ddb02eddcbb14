import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type Actor,
  type ConnectionShape,
  countyInstantSql,
  countyMoment,
  isStaffOrAdmin,
  keysetConnection,
  type KeysetOrder,
  maskName,
  Role,
} from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { EmployerMember } from '@jobcode/employers';
import { Job, JobShift, JobShiftStatus, JobsService, JobStatus } from '@jobcode/jobs';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';

import { GigBookingsArgs } from './dto/gig-bookings.args';
import { GigBookingAccess } from './gig-booking-access';
import { GigBookingNotices } from './gig-booking-notices';
import { GigBooking } from './gig-booking.entity';
import { GigBookingStatus, GigParty, HOLDING_STATUSES } from './gig-booking.enums';
import { assertParty, assertStatus } from './gig-booking.rules';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';

/**
 * 零工预约: booking within slots and the employer's confirmation, and reading bookings. Seats
 * are counted by job_shift.booked_count, changed only in the same transaction as the booking
 * row; a seeker's bookings are checked for overlap under a lock on the seeker's row. What
 * follows has its own services: cancellation (GigCancellationService), check-in
 * (GigCheckInService), no-show, completion and pay (GigCompletionService), ratings.
 */
@Injectable()
export class GigBookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly access: GigBookingAccess,
    private readonly scope: RegionScope,
    private readonly notices: GigBookingNotices,
  ) {}

  // ---- booking ----

  async book(actor: Actor, shiftId: string, seekerId?: string): Promise<GigBooking> {
    const seeker = await this.seekerFor(actor, seekerId);
    // Fast refusal without a transaction once a shift is full (most callers of a popular shift);
    // the guarded UPDATE below stays the only thing that grants a seat.
    const [peek] = (await this.dataSource.query(
      `SELECT s.slots, s.booked_count >= s.slots AS full,
              EXISTS (SELECT 1 FROM gig_booking b WHERE b.shift_id = s.id AND b.seeker_id = $2 AND b.status <> 'CANCELLED') AS mine
         FROM job_shift s WHERE s.id = $1 AND s.status = 'OPEN'`,
      [shiftId, seeker.id],
    )) as { slots: number; full: boolean; mine: boolean }[];
    if (peek?.full && !peek.mine) throw this.full(peek.slots);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const shift = await manager.findOne(JobShift, { where: { id: shiftId } });
        const job = shift ? await manager.findOne(Job, { where: { id: shift.jobId } }) : null;
        if (!shift || !job) throw new GigBookingsException(GigBookingsExceptionCode.SHIFT_NOT_FOUND, '班次不存在', { field: 'input.shiftId' });
        if (shift.status === JobShiftStatus.CANCELLED) {
          throw new GigBookingsException(GigBookingsExceptionCode.SHIFT_NOT_BOOKABLE, `这个班次已被用人单位取消（${shift.cancelReason ?? ''}），请另选班次`);
        }
        if (this.jobs.effectiveStatus(job) !== JobStatus.OPEN) {
          throw new GigBookingsException(GigBookingsExceptionCode.SHIFT_NOT_BOOKABLE, `"${job.title}"已停止招聘，不能再预约`);
        }
        const { startsAt, endsAt, now } = await this.shiftTimes(shift, manager);
        if (startsAt <= now) throw new GigBookingsException(GigBookingsExceptionCode.SHIFT_NOT_BOOKABLE, '这个班次已经开工，不能再预约');

        // One booking decision at a time per seeker: the overlap check below cannot race.
        await manager.query('SELECT id FROM job_seeker WHERE id = $1 FOR UPDATE', [seeker.id]);
        const clash = await manager
          .createQueryBuilder(GigBooking, 'b')
          .where('b.seeker_id = :seekerId AND b.status IN (:...holding) AND b.starts_at < :endsAt AND b.ends_at > :startsAt', {
            seekerId: seeker.id,
            holding: HOLDING_STATUSES,
            startsAt,
            endsAt,
          })
          .orderBy('b.starts_at')
          .getOne();
        if (clash?.shiftId === shift.id) throw this.alreadyBooked();
        if (clash) {
          const other = await manager.findOne(Job, { where: { id: clash.jobId } });
          throw new GigBookingsException(
            GigBookingsExceptionCode.OVERLAPPING_SHIFT,
            `已预约了${countyMoment(clash.startsAt)}开始的"${other?.title ?? '零工'}"，与这个班次时间重叠；请先取消那个预约`,
            { details: { bookingId: clash.id } },
          );
        }

        const [taken] = (await manager.query(
          `UPDATE job_shift SET booked_count = booked_count + 1, updated_at = now()
            WHERE id = $1 AND status = 'OPEN' AND booked_count < slots RETURNING booked_count`,
          [shift.id],
        )) as [{ booked_count: number }[], number];
        if (taken.length === 0) throw this.full(shift.slots);
        const instant = shift.instantHiring;
        const booking = await manager.save(
          manager.create(GigBooking, {
            shiftId: shift.id,
            jobId: job.id,
            seekerId: seeker.id,
            employerId: job.employerId,
            regionCode: job.regionCode,
            stationId: shift.meetingStationId,
            shiftDate: shift.date,
            startsAt,
            endsAt,
            status: instant ? GigBookingStatus.CONFIRMED : GigBookingStatus.BOOKED,
            bookedBy: actor.accountId,
            confirmedAt: instant ? new Date() : null,
          }),
        );
        await this.notices.tellEmployer(manager, booking, 'gig.booking.received', 'booked', {
          seeker: maskName(seeker.name),
          job: job.title,
          when: countyMoment(startsAt),
          next: instant ? '（即时录用，已自动确认）' : '，请确认',
        });
        return booking;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.alreadyBooked();
      throw error;
    }
  }

  /** The seeker a booking is for: the caller's own profile, or (staff) a seeker in their region. */
  private async seekerFor(actor: Actor, seekerId?: string): Promise<JobSeeker> {
    const manager = this.dataSource.manager;
    if (actor.role === Role.SEEKER) {
      if (seekerId) throw new GigBookingsException(GigBookingsExceptionCode.INVALID_INPUT, '求职者本人预约时不填 seekerId', { field: 'input.seekerId' });
      const mine = await manager.findOne(JobSeeker, { where: { accountId: actor.accountId } });
      if (!mine) throw new GigBookingsException(GigBookingsExceptionCode.SEEKER_NOT_REGISTERED, '请先完成求职登记（registerJobSeeker），再预约零工班次');
      return mine;
    }
    if (!isStaffOrAdmin(actor)) throw new GigBookingsException(GigBookingsExceptionCode.NOT_YOUR_BOOKING, '只有求职者本人或工作人员可以预约班次');
    if (!seekerId)
      throw new GigBookingsException(GigBookingsExceptionCode.INVALID_INPUT, '代求职者预约时请填写求职者编号（seekerId）', { field: 'input.seekerId' });
    const seeker = await manager.findOne(JobSeeker, { where: { id: seekerId } });
    if (!seeker || !this.scope.covers(actor, seeker.regionCode)) {
      throw new GigBookingsException(GigBookingsExceptionCode.SEEKER_NOT_REGISTERED, '求职登记不存在，或不在您的辖区内', { field: 'input.seekerId' });
    }
    return seeker;
  }

  // ---- transitions ----

  /** BOOKED → CONFIRMED, by the employer (or staff). */
  async confirm(actor: Actor, bookingId: string): Promise<GigBooking> {
    return this.access.withBooking(actor, bookingId, async (booking, party, manager) => {
      assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '确认预约');
      assertStatus(booking, [GigBookingStatus.BOOKED], '确认');
      booking.status = GigBookingStatus.CONFIRMED;
      booking.confirmedAt = new Date();
      const saved = await manager.save(booking);
      const job = await manager.findOne(Job, { where: { id: booking.jobId } });
      const shift = await manager.findOne(JobShift, { where: { id: booking.shiftId } });
      await this.notices.tellSeeker(manager, booking.seekerId, 'gig.booking.confirmed', `gig-booking:${booking.id}:confirmed`, {
        job: job?.title ?? '零工',
        when: countyMoment(booking.startsAt),
        place: shift?.meetingPoint || '集合地点',
      });
      return saved;
    });
  }

  // ---- reading ----

  async findVisible(actor: Actor, bookingId: string): Promise<GigBooking> {
    const booking = await this.dataSource.manager.findOne(GigBooking, { where: { id: bookingId } });
    await this.access.requireParty(actor, booking);
    return booking as GigBooking;
  }

  /** Seekers: their own bookings; employers: their employers' bookings; staff: bookings for work inside their region. Newest shift first. */
  async list(actor: Actor, args: GigBookingsArgs): Promise<ConnectionShape<GigBooking>> {
    const qb = this.dataSource.manager.createQueryBuilder(GigBooking, 'b');
    if (actor.role === Role.SEEKER) {
      qb.andWhere(`b.seeker_id IN (SELECT s.id FROM job_seeker s WHERE s.account_id = :me)`, { me: actor.accountId });
    } else if (actor.role === Role.EMPLOYER) {
      const members = this.dataSource.getMetadata(EmployerMember).tableName;
      qb.andWhere(`b.employer_id IN (SELECT m.employer_id FROM ${members} m WHERE m.account_id = :me)`, { me: actor.accountId });
    } else {
      this.scope.restrict(qb, 'b.region_code', actor);
    }
    if (args.shiftId) qb.andWhere('b.shift_id = :shiftId', { shiftId: args.shiftId });
    if (args.status) qb.andWhere('b.status = :status', { status: args.status });
    if (args.on) qb.andWhere('b.shift_date = :on', { on: args.on });
    if (args.paymentDisputed !== undefined && args.paymentDisputed !== null) qb.andWhere('b.payment_disputed = :disputed', { disputed: args.paymentDisputed });
    const latestFirst: KeysetOrder = {
      keys: [
        { column: 'b.starts_at', type: 'timestamptz' },
        { column: 'b.id', type: 'uuid' },
      ],
      direction: 'DESC',
    };
    return keysetConnection(qb, args, latestFirst, (r) => r);
  }

  // ---- helpers ----

  private full(slots: number): GigBookingsException {
    return new GigBookingsException(GigBookingsExceptionCode.SHIFT_FULL, `这个班次的 ${slots} 个名额已经约满，请另选班次`, { details: { slots } });
  }

  private alreadyBooked(): GigBookingsException {
    return new GigBookingsException(GigBookingsExceptionCode.ALREADY_BOOKED, '已经预约了这个班次，不用重复预约');
  }

  private async shiftTimes(shift: JobShift, manager: EntityManager): Promise<{ startsAt: Date; endsAt: Date; now: Date }> {
    const [row] = (await manager.query(
      `SELECT ${countyInstantSql('$1::date + $2::time')} AS starts_at, ${countyInstantSql('$1::date + $3::time')} AS ends_at, now() AS now`,
      [shift.date, shift.startTime, shift.endTime],
    )) as { starts_at: Date; ends_at: Date; now: Date }[];
    return { startsAt: row.starts_at, endsAt: row.ends_at, now: row.now };
  }
}
