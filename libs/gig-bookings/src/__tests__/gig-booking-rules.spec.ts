import { type GigBooking } from '../gig-booking.entity';
import { GigBookingStatus, GigParty, STATUS_WORD } from '../gig-booking.enums';
import { assertParty, assertStatus, payDue } from '../gig-booking.rules';
import { GigBookingsExceptionCode } from '../gig-bookings.exception';

describe('gig booking rules (no database needed)', () => {
  it('pays piece work by the pieces done, plus any day pay, to the fen', () => {
    expect(payDue({ pieceRate: 1.5, dayPay: null }, 10)).toBe(15);
    expect(payDue({ pieceRate: 0.333, dayPay: 50 }, 3)).toBe(51);
    expect(payDue({ pieceRate: 0.35, dayPay: null }, 7)).toBe(2.45);
  });

  it('pays the day pay when no pieces are given or the shift is not piece work', () => {
    expect(payDue({ pieceRate: 2, dayPay: 80 }, null)).toBe(80);
    expect(payDue({ pieceRate: null, dayPay: 120 }, 7)).toBe(120);
    expect(payDue({ pieceRate: null, dayPay: null }, null)).toBeNull();
  });

  it('asks for the pieces done when a piece-work shift has no day pay', () => {
    expect(() => payDue({ pieceRate: 2, dayPay: null }, null)).toThrow(
      expect.objectContaining({ reason: GigBookingsExceptionCode.INVALID_INPUT, field: 'input.piecesDone' }),
    );
  });

  it('names who may take a step when someone else tries', () => {
    expect(() => assertParty(GigParty.EMPLOYER, [GigParty.EMPLOYER, GigParty.STAFF], '确认预约')).not.toThrow();
    expect(() => assertParty(GigParty.SEEKER, [GigParty.EMPLOYER, GigParty.STAFF], '确认预约')).toThrow(
      expect.objectContaining({ reason: GigBookingsExceptionCode.NOT_YOUR_BOOKING, message: '只有用人单位或工作人员可以确认预约' }),
    );
  });

  it('says where a booking is when a step does not apply to it', () => {
    const booking = { status: GigBookingStatus.CANCELLED } as GigBooking;
    expect(() => assertStatus(booking, [GigBookingStatus.CANCELLED], '查看')).not.toThrow();
    expect(() => assertStatus(booking, [GigBookingStatus.COMPLETED], '确认工钱', '；完工后才能确认工钱')).toThrow(
      expect.objectContaining({
        reason: GigBookingsExceptionCode.INVALID_TRANSITION,
        message: `预约当前为"${STATUS_WORD.CANCELLED}"，不能确认工钱；完工后才能确认工钱`,
        details: { status: GigBookingStatus.CANCELLED },
      }),
    );
  });
});
