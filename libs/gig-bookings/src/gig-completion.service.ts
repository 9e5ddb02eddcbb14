import { Injectable, Logger } from '@nestjs/common';

import { type Actor, countyMoment } from '@jobcode/common';
import { JobShift } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';

import { CompleteGigBookingInput } from './dto/complete-gig-booking.input';
import { ConfirmGigPaymentInput } from './dto/confirm-gig-payment.input';
import { GigBookingAccess } from './gig-booking-access';
import { type GigBooking } from './gig-booking.entity';
import { GigBookingStatus, GigParty } from './gig-booking.enums';
import { assertParty, assertStatus, payDue } from './gig-booking.rules';
import { GIG_BOOKING_COMPLETED, type GigBookingCompletedPayload } from './gig-bookings.events';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';

/**
 * After the shift starts: no-show, completion with hours or pieces and the pay due (published
 * as gig.booking.completed, which placements count), and both sides confirming the payment.
 */
@Injectable()
export class GigCompletionService {
  private readonly logger = new Logger(GigCompletionService.name);

  constructor(
    private readonly access: GigBookingAccess,
    private readonly outbox: OutboxService,
  ) {}

  /** BOOKED | CONFIRMED → NO_SHOW, once the shift has started. The seat stays counted: the day is gone. */
  async markNoShow(actor: Actor, bookingId: string): Promise<GigBooking> {
    return this.access.withBooking(actor, bookingId, async (booking, party, manager) => {
      assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '标记未到岗');
      assertStatus(booking, [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED], '标记为未到岗');
      if (booking.startsAt > new Date()) {
        throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `班次${countyMoment(booking.startsAt)}开工，开工后才能标记未到岗`);
      }
      booking.status = GigBookingStatus.NO_SHOW;
      return manager.save(booking);
    });
  }

  /** CHECKED_IN → COMPLETED with hours or pieces and the pay due; publishes gig.booking.completed. */
  async complete(actor: Actor, input: CompleteGigBookingInput): Promise<GigBooking> {
    return this.access.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      assertParty(party, [GigParty.EMPLOYER, GigParty.STAFF], '确认完工');
      assertStatus(booking, [GigBookingStatus.CHECKED_IN], '确认完工', '；需先到岗签到');
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
      booking.pay = input.pay ?? payDue(shift, booking.piecesDone);
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

  /**
   * One side confirms the payment (employer: paid; seeker: received). When both sides
   * have confirmed the same amount the booking is PAID; different amounts flag it for staff.
   */
  async confirmPayment(actor: Actor, input: ConfirmGigPaymentInput): Promise<GigBooking> {
    return this.access.withBooking(actor, input.bookingId, async (booking, party, manager) => {
      assertParty(party, [GigParty.EMPLOYER, GigParty.SEEKER], '确认工钱');
      assertStatus(booking, [GigBookingStatus.COMPLETED], '确认工钱', '；完工后才能确认工钱');
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
}
