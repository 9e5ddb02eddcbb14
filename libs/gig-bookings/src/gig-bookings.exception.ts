import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum GigBookingsExceptionCode {
  BOOKING_NOT_FOUND = 'BOOKING_NOT_FOUND',
  SHIFT_NOT_FOUND = 'SHIFT_NOT_FOUND',
  SEEKER_NOT_REGISTERED = 'SEEKER_NOT_REGISTERED',
  SHIFT_FULL = 'SHIFT_FULL',
  SHIFT_NOT_BOOKABLE = 'SHIFT_NOT_BOOKABLE',
  ALREADY_BOOKED = 'ALREADY_BOOKED',
  OVERLAPPING_SHIFT = 'OVERLAPPING_SHIFT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CANCELLATION_CUTOFF = 'CANCELLATION_CUTOFF',
  WRONG_CHECK_IN = 'WRONG_CHECK_IN',
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_YOUR_BOOKING = 'NOT_YOUR_BOOKING',
  ALREADY_RATED = 'ALREADY_RATED',
}

const CODE_OF: Record<GigBookingsExceptionCode, ErrorCode> = {
  BOOKING_NOT_FOUND: ErrorCode.NOT_FOUND,
  SHIFT_NOT_FOUND: ErrorCode.NOT_FOUND,
  SEEKER_NOT_REGISTERED: ErrorCode.BAD_USER_INPUT,
  SHIFT_FULL: ErrorCode.CONFLICT,
  SHIFT_NOT_BOOKABLE: ErrorCode.CONFLICT,
  ALREADY_BOOKED: ErrorCode.CONFLICT,
  OVERLAPPING_SHIFT: ErrorCode.CONFLICT,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  CANCELLATION_CUTOFF: ErrorCode.CONFLICT,
  WRONG_CHECK_IN: ErrorCode.BAD_USER_INPUT,
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  NOT_YOUR_BOOKING: ErrorCode.FORBIDDEN,
  ALREADY_RATED: ErrorCode.CONFLICT,
};

export class GigBookingsException extends AppError {
  constructor(reason: GigBookingsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const bookingNotFound = () => new GigBookingsException(GigBookingsExceptionCode.BOOKING_NOT_FOUND, '零工预约不存在，或不在您可查看的范围内');
