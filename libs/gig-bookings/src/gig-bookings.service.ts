import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

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
import { CountySettingsService } from '@jobcode/county-settings';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { EmployerMember, employerMemberAccountIds } from '@jobcode/employers';
import { Job, JOB_SHIFT_CANCELLED, type JobShiftCancelledPayload, JobShift, JobShiftStatus, JobsService, JobStatus } from '@jobcode/jobs';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';

import { CancelGigBookingInput } from './dto/gig-booking-action.input';
import { CompleteGigBookingInput } from './dto/complete-gig-booking.input';
import { ConfirmGigPaymentInput } from './dto/confirm-gig-payment.input';
import { GigBookingsArgs } from './dto/gig-bookings.args';
import { GigBookingAccess } from './gig-booking-access';
import { GigBooking } from './gig-booking.entity';
import { GigBookingStatus, GigParty, HOLDING_STATUSES, STATUS_WORD } from './gig-booking.enums';
import { GIG_BOOKING_COMPLETED, type GigBookingCompletedPayload } from './gig-bookings.events';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';
import { GIG_CANCELLATION_CUTOFF_HOURS } from './gig-bookings.settings';

const SHIFT_CANCELLED_HANDLER = 'gig-bookings.cancel-bookings-of-cancelled-shift';

const TEMPLATES = [
  { key: 'gig.shift.cancelled', title: '零工班次已取消', text: '您预约的{job}（{when}）已被用人单位取消，原因：{reason}。可以在零工驿站看板另选班次。' },
  { key: 'gig.booking.cancelled', title: '零工预约已取消', text: '您预约的{job}（{when}）已被{by}取消{reason}。' },
  { key: 'gig.booking.confirmed', title: '零工预约已确认', text: '您预约的{job}已确认，请于{when}到{place}扫码签到。' },
  // To the employer's people.
  { key: 'gig.booking.received', title: '收到零工预约', text: '{seeker}预约了“{job}”{when}开工的班次{next}。' },
  { key: 'gig.booking.cancelled-to-employer', title: '零工预约被取消', text: '{seeker}的“{job}”{when}开工的班次预约已被{by}取消{reason}，名额已空出。' },
  { key: 'gig.booking.checked-in', title: '零工已到岗签到', text: '{seeker}已于{time}签到“{job}”{when}开工的班次。' },
];

/**
 * 零工预约: booking within slots, confirmation, cancellation (with the county's cutoff),
 * no-show, completion and pay confirmation. Seats are counted by job_shift.booked_count,
 * changed only in the same transaction as the booking row; a seeker's bookings are
 * checked for overlap under a lock on the seeker's row.
 */
@Injectable()
export class GigBookingsService implements OnModuleInit {
  private readonly logger = new Logger(GigBookingsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly access: GigBookingAccess,
    private readonly scope: RegionScope,
    private readonly settings: CountySettingsService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly cipher: PersonalDataCipher,
  ) {}

  onModuleInit(): void {
    for (const template of TEMPLATES) this.templates.register(template);
    this.outbox.subscribe<JobShiftCancelledPayload>(JOB_SHIFT_CANCELLED, SHIFT_CANCELLED_HANDLER, (event, context) =>
      this.cancelBookingsOfShift(event.payload, context.manager),
    );
  }

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
        await this.tellEmployer(manager, booking, 'gig.booking.received', 'booked', {
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
    return this.withBooking(actor, bookingId, async (booking, party, manager) => {
      this.assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '确认预约');
      this.assertStatus(booking, [GigBookingStatus.BOOKED], '确认');
      booking.status = GigBookingStatus.CONFIRMED;
      booking.confirmedAt = new Date();
      const saved = await manager.save(booking);
      const job = await manager.findOne(Job, { where: { id: booking.jobId } });
      const shift = await manager.findOne(JobShift, { where: { id: booking.shiftId } });
      await this.tellSeeker(manager, booking.seekerId, 'gig.booking.confirmed', `gig-booking:${booking.id}:confirmed`, {
        job: job?.title ?? '零工',
        when: countyMoment(booking.startsAt),
        place: shift?.meetingPoint || '集合地点',
      });
      return saved;
    });
  }

  /** BOOKED | CONFIRMED → CANCELLED, before the start; seekers and employers not later than the county's cutoff. */
  async cancel(actor: Actor, input: CancelGigBookingInput): Promise<GigBooking> {
    return this.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      this.assertStatus(booking, [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED], '取消');
      const now = new Date();
      if (booking.startsAt <= now)
        throw new GigBookingsException(GigBookingsExceptionCode.CANCELLATION_CUTOFF, '班次已经开工，不能再取消；未到岗的由用人单位标记为未到岗');
      if (party !== GigParty.STAFF) {
        const hours = await this.settings.get(GIG_CANCELLATION_CUTOFF_HOURS, booking.regionCode, manager);
        const deadline = new Date(booking.startsAt.getTime() - hours * 3_600_000);
        if (now > deadline) {
          throw new GigBookingsException(
            GigBookingsExceptionCode.CANCELLATION_CUTOFF,
            `开工前 ${hours} 小时内不能再取消（本班次${countyMoment(booking.startsAt)}开工，取消截止到${countyMoment(deadline)}）；确实去不了请联系${party === GigParty.SEEKER ? '用人单位或驿站工作人员' : '驿站工作人员'}`,
            { details: { cutoffHours: hours, deadline: deadline.toISOString() } },
          );
        }
      }
      booking.status = GigBookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.cancelledBy = party;
      booking.cancelReason = input.reason?.trim() || null;
      const saved = await manager.save(booking);
      await manager.query('UPDATE job_shift SET booked_count = booked_count - 1, updated_at = now() WHERE id = $1', [booking.shiftId]);
      const job = await manager.findOne(Job, { where: { id: booking.jobId } });
      // Whoever did not cancel it is told: the employer's people (cancelled by the seeker or staff), the seeker (by the employer or staff).
      if (party !== GigParty.EMPLOYER) {
        const seeker = await manager.findOne(JobSeeker, { where: { id: booking.seekerId } });
        await this.tellEmployer(manager, booking, 'gig.booking.cancelled-to-employer', 'cancelled', {
          seeker: maskName(seeker?.name ?? '求职者'),
          job: job?.title ?? '零工',
          when: countyMoment(booking.startsAt),
          by: party === GigParty.SEEKER ? '本人' : '工作人员',
          reason: booking.cancelReason ? `（原因：${booking.cancelReason}）` : '（未说明原因）',
        });
      }
      if (party !== GigParty.SEEKER) {
        await this.tellSeeker(manager, booking.seekerId, 'gig.booking.cancelled', `gig-booking:${booking.id}:cancelled`, {
          job: job?.title ?? '零工',
          when: countyMoment(booking.startsAt),
          by: party === GigParty.EMPLOYER ? '用人单位' : '工作人员',
          // Every placeholder needs a value (the template refuses an empty one).
          reason: booking.cancelReason ? `，原因：${booking.cancelReason}` : '，未说明原因',
        });
      }
      return saved;
    });
  }

  /** BOOKED | CONFIRMED → NO_SHOW, once the shift has started. The seat stays counted: the day is gone. */
  async markNoShow(actor: Actor, bookingId: string): Promise<GigBooking> {
    return this.withBooking(actor, bookingId, async (booking, party, manager) => {
      this.assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '标记未到岗');
      this.assertStatus(booking, [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED], '标记为未到岗');
      if (booking.startsAt > new Date()) {
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `班次${countyMoment(booking.startsAt)}开工，开工后才能标记未到岗`);
      }
      booking.status = GigBookingStatus.NO_SHOW;
      return manager.save(booking);
    });
  }

  /** CHECKED_IN → COMPLETED with hours or pieces and the pay due; publishes gig.booking.completed. */
  async complete(actor: Actor, input: CompleteGigBookingInput): Promise<GigBooking> {
    return this.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      this.assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '确认完工');
      this.assertStatus(booking, [GigBookingStatus.CHECKED_IN], '确认完工', '；需先到岗签到');
      const now = new Date();
      if (booking.startsAt > now) {
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `班次${countyMoment(booking.startsAt)}开工，开工后才能确认完工`);
      }
      const hoursSinceStart = (now.getTime() - booking.startsAt.getTime()) / 3_600_000;
      if (input.hoursWorked != null && input.hoursWorked > hoursSinceStart) {
        throw new GigBookingsException(
          GigBookingsExceptionCode.INVALID_INPUT,
          `班次${countyMoment(booking.startsAt)}开工，到现在不足 ${input.hoursWorked} 小时；请按实际工时填写`,
          { field: 'input.hoursWorked' },
        );
      }
      const shift = await manager.findOneOrFail(JobShift, { where: { id: booking.shiftId } });
      booking.hoursWorked = input.hoursWorked ?? null;
      booking.piecesDone = input.piecesDone ?? null;
      booking.pay = input.pay ?? this.payDue(shift, booking.piecesDone);
      booking.status = GigBookingStatus.COMPLETED;
      booking.completedAt = now;
      const saved = await manager.save(booking);
      const payload: GigBookingCompletedPayload = {
        bookingId: booking.id,
        shiftId: booking.shiftId,
        jobId: booking.jobId,
        seekerId: booking.seekerId,
        employerId: booking.employerId,
        shiftDate: booking.shiftDate,
        pay: booking.pay,
        workplaceRegionCode: booking.regionCode,
      };
      await this.outbox.publish(manager, {
        type: GIG_BOOKING_COMPLETED,
        aggregateId: booking.id,
        payload,
        idempotencyKey: `${GIG_BOOKING_COMPLETED}:${booking.id}`,
      });
      return saved;
    });
  }

  private payDue(shift: JobShift, piecesDone: number | null): number | null {
    if (shift.pieceRate !== null) {
      if (piecesDone === null) {
        if (shift.dayPay !== null) return shift.dayPay;
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_INPUT, '计件的班次请填写完成件数（piecesDone），或直接填写应付工钱（pay）', {
          field: 'input.piecesDone',
        });
      }
      return Math.round(shift.pieceRate * piecesDone * 100) / 100 + (shift.dayPay ?? 0);
    }
    return shift.dayPay;
  }

  /**
   * One side confirms the payment (employer: paid; seeker: received). When both sides
   * have confirmed the same amount the booking is PAID; different amounts flag it for staff.
   */
  async confirmPayment(actor: Actor, input: ConfirmGigPaymentInput): Promise<GigBooking> {
    return this.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      this.assertParty(party, [GigParty.EMPLOYER, GigParty.SEEKER], '确认工钱');
      this.assertStatus(booking, [GigBookingStatus.COMPLETED], '确认工钱', '；完工后才能确认工钱');
      const paidAt = input.paidAt;
      if (Number.isNaN(paidAt.getTime()) || paidAt.getTime() > Date.now() + 5 * 60_000 || (booking.checkedInAt && paidAt < booking.checkedInAt)) {
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_INPUT, '付款时间应在签到之后，且不能晚于现在', { field: 'input.paidAt' });
      }
      if (party === GigParty.EMPLOYER) {
        booking.employerPaidAmount = input.amount;
        booking.employerPaidAt = paidAt;
      } else {
        booking.seekerPaidAmount = input.amount;
        booking.seekerPaidAt = paidAt;
      }
      if (booking.employerPaidAmount !== null && booking.seekerPaidAmount !== null) {
        if (booking.employerPaidAmount === booking.seekerPaidAmount) {
          booking.status = GigBookingStatus.PAID;
          booking.paidAt = booking.employerPaidAt;
          booking.paymentDisputed = false;
        } else {
          booking.paymentDisputed = true;
          this.logger.warn(`Gig booking ${booking.id}: payment disputed (employer ${booking.employerPaidAmount}, seeker ${booking.seekerPaidAmount})`);
        }
      }
      return manager.save(booking);
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

  // ---- shift cancelled by the employer ----

  /** Outbox handler: cancels the shift's live bookings, frees their seats and tells each seeker. Idempotent: a second run finds nothing live. */
  async cancelBookingsOfShift(payload: JobShiftCancelledPayload, manager: EntityManager): Promise<void> {
    const live = await manager.find(GigBooking, {
      where: { shiftId: payload.shiftId, status: In([GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED]) },
      lock: { mode: 'pessimistic_write' },
    });
    if (live.length === 0) return;
    const job = await manager.findOne(Job, { where: { id: payload.jobId } });
    const now = new Date();
    for (const booking of live) {
      booking.status = GigBookingStatus.CANCELLED;
      booking.cancelledAt = now;
      booking.cancelledBy = GigParty.EMPLOYER;
      booking.cancelReason = `班次取消：${payload.reason}`;
      await manager.save(booking);
      await this.tellSeeker(manager, booking.seekerId, 'gig.shift.cancelled', `gig-booking:${booking.id}:shift-cancelled`, {
        job: job?.title ?? '零工',
        when: countyMoment(booking.startsAt),
        reason: payload.reason,
      });
    }
    await manager.query('UPDATE job_shift SET booked_count = booked_count - $2, updated_at = now() WHERE id = $1', [payload.shiftId, live.length]);
    this.logger.log(`Shift ${payload.shiftId} cancelled: ${live.length} booking(s) cancelled and notified`);
  }

  // ---- helpers ----

  private async withBooking<T>(
    actor: Actor,
    bookingId: string,
    work: (booking: GigBooking, party: GigParty, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await manager.findOne(GigBooking, { where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
      const party = await this.access.requireParty(actor, booking, manager);
      return work(booking as GigBooking, party, manager);
    });
  }

  private assertParty(party: GigParty, allowed: GigParty[], verb: string): void {
    if (allowed.includes(party)) return;
    const who = allowed.map((p) => ({ SEEKER: '求职者本人', EMPLOYER: '用人单位', STAFF: '工作人员' })[p]).join('或');
    throw new GigBookingsException(GigBookingsExceptionCode.NOT_YOUR_BOOKING, `只有${who}可以${verb}`);
  }

  private assertStatus(booking: GigBooking, from: GigBookingStatus[], verb: string, hint = ''): void {
    if (from.includes(booking.status)) return;
    throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `预约当前为"${STATUS_WORD[booking.status]}"，不能${verb}${hint}`, {
      details: { status: booking.status },
    });
  }

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

  /** In-app message to each account acting for the booking's employer; sent once per booking and `what`. */
  async tellEmployer(manager: EntityManager, booking: GigBooking, template: string, what: string, params: Record<string, string>): Promise<void> {
    await this.notifications.sendToAccounts(manager, await employerMemberAccountIds(manager, booking.employerId), {
      template,
      params,
      idempotencyKey: `gig-booking:${booking.id}:${what}:employer`,
    });
  }

  /** In-app message to a seeker with an account; SMS to the registered phone otherwise. */
  private async tellSeeker(manager: EntityManager, seekerId: string, template: string, idempotencyKey: string, params: Record<string, string>): Promise<void> {
    const seeker = await manager.findOne(JobSeeker, { where: { id: seekerId } });
    if (!seeker) return;
    const to = seeker.accountId ? { accountId: seeker.accountId } : { phone: this.cipher.decrypt(seeker.phoneEncrypted) };
    const channel = seeker.accountId ? NotificationChannel.IN_APP : NotificationChannel.SMS;
    await this.notifications.send(manager, { to, channel, template, params, idempotencyKey });
  }
}
