import { registerEnumType } from '@nestjs/graphql';

/** BOOKED → CONFIRMED → CHECKED_IN → COMPLETED → PAID, or CANCELLED / NO_SHOW. */
export enum GigBookingStatus {
  BOOKED = 'BOOKED',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  COMPLETED = 'COMPLETED',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}

/** Bookings that hold a seat and the seeker's time. */
export const HOLDING_STATUSES = [GigBookingStatus.BOOKED, GigBookingStatus.CONFIRMED, GigBookingStatus.CHECKED_IN];

/** Who did something to a booking. */
export enum GigParty {
  SEEKER = 'SEEKER',
  EMPLOYER = 'EMPLOYER',
  STAFF = 'STAFF',
}

registerEnumType(GigBookingStatus, {
  name: 'GigBookingStatus',
  description: 'BOOKED 已预约，CONFIRMED 已确认，CHECKED_IN 已签到，COMPLETED 已完工，PAID 已结清，CANCELLED 已取消，NO_SHOW 未到岗',
});
registerEnumType(GigParty, { name: 'GigParty', description: 'SEEKER 求职者，EMPLOYER 用人单位，STAFF 工作人员' });

export const STATUS_WORD: Record<GigBookingStatus, string> = {
  BOOKED: '已预约、待确认',
  CONFIRMED: '已确认',
  CHECKED_IN: '已签到',
  COMPLETED: '已完工',
  PAID: '已结清',
  CANCELLED: '已取消',
  NO_SHOW: '未到岗',
};
