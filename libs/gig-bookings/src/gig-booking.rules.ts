import { type JobShift } from '@jobcode/jobs';

import { type GigBooking } from './gig-booking.entity';
import { type GigBookingStatus, type GigParty, STATUS_WORD } from './gig-booking.enums';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';

/** Who may take a step: the caller's party must be one of `allowed`. */
export function assertParty(party: GigParty, allowed: GigParty[], verb: string): void {
  if (allowed.includes(party)) return;
  const who = allowed.map((p) => ({ SEEKER: '求职者本人', EMPLOYER: '用人单位', STAFF: '工作人员' })[p]).join('或');
  throw new GigBookingsException(GigBookingsExceptionCode.NOT_YOUR_BOOKING, `只有${who}可以${verb}`);
}

/** Which steps a booking may take from where it is. */
export function assertStatus(booking: GigBooking, from: GigBookingStatus[], verb: string, hint = ''): void {
  if (from.includes(booking.status)) return;
  throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `预约当前为"${STATUS_WORD[booking.status]}"，不能${verb}${hint}`, {
    details: { status: booking.status },
  });
}

/** The pay due for a completed shift: pieces × rate (plus the day pay) for piece work, else the day pay. */
export function payDue(shift: Pick<JobShift, 'pieceRate' | 'dayPay'>, piecesDone: number | null): number | null {
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
