import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';

import { type Actor, countyMoment, maskName } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { Job, JOB_SHIFT_CANCELLED, type JobShiftCancelledPayload } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';
import { JobSeeker } from '@jobcode/seekers';

import { CancelGigBookingInput } from './dto/gig-booking-action.input';
import { GigBookingAccess } from './gig-booking-access';
import { GigBookingNotices } from './gig-booking-notices';
import { GigBooking } from './gig-booking.entity';
import { GigBookingStatus, GigParty } from './gig-booking.enums';
import { assertStatus } from './gig-booking.rules';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';
import { GIG_CANCELLATION_CUTOFF_HOURS } from './gig-bookings.settings';

const SHIFT_CANCELLED_HANDLER = 'gig-bookings.cancel-bookings-of-cancelled-shift';

/**
 * Cancelling bookings: by a party before the start (seekers and employers not later than the
 * county's cutoff), and every live booking of a shift the employer cancels. The seat is freed
 * and whoever did not cancel is told.
 */
@Injectable()
export class GigCancellationService implements OnModuleInit {
  private readonly logger = new Logger(GigCancellationService.name);

  constructor(
    private readonly access: GigBookingAccess,
    private readonly settings: CountySettingsService,
    private readonly outbox: OutboxService,
    private readonly notices: GigBookingNotices,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe<JobShiftCancelledPayload>(JOB_SHIFT_CANCELLED, SHIFT_CANCELLED_HANDLER, (event, context) =>
      this.cancelBookingsOfShift(event.payload, context.manager),
    );
  }

  /** BOOKED | CONFIRMED → CANCELLED, before the start; seekers and employers not later than the county's cutoff. */
  async cancel(actor: Actor, input: CancelGigBookingInput): Promise<GigBooking> {
    return this.access.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      assertStatus(booking, [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED], '取消');
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
        await this.notices.tellEmployer(manager, booking, 'gig.booking.cancelled-to-employer', 'cancelled', {
          seeker: maskName(seeker?.name ?? '求职者'),
          job: job?.title ?? '零工',
          when: countyMoment(booking.startsAt),
          by: party === GigParty.SEEKER ? '本人' : '工作人员',
          reason: booking.cancelReason ? `（原因：${booking.cancelReason}）` : '（未说明原因）',
        });
      }
      if (party !== GigParty.SEEKER) {
        await this.notices.tellSeeker(manager, booking.seekerId, 'gig.booking.cancelled', `gig-booking:${booking.id}:cancelled`, {
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
      await this.notices.tellSeeker(manager, booking.seekerId, 'gig.shift.cancelled', `gig-booking:${booking.id}:shift-cancelled`, {
        job: job?.title ?? '零工',
        when: countyMoment(booking.startsAt),
        reason: payload.reason,
      });
    }
    await manager.query('UPDATE job_shift SET booked_count = booked_count - $2, updated_at = now() WHERE id = $1', [payload.shiftId, live.length]);
    this.logger.log(`Shift ${payload.shiftId} cancelled: ${live.length} booking(s) cancelled and notified`);
  }
}
