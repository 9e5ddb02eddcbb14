import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum JobsExceptionCode {
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
  NOT_YOUR_JOB = 'NOT_YOUR_JOB',
  DISCRIMINATORY_ADVERT = 'DISCRIMINATORY_ADVERT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INVALID_JOB = 'INVALID_JOB',
  INVALID_SOURCE = 'INVALID_SOURCE',
  PUBLIC_WELFARE_STAFF_ONLY = 'PUBLIC_WELFARE_STAFF_ONLY',
  SHIFT_TAKEN = 'SHIFT_TAKEN',
  SHIFT_NOT_FOUND = 'SHIFT_NOT_FOUND',
  SHIFT_BOOKED = 'SHIFT_BOOKED',
}

const CODE_OF: Record<JobsExceptionCode, ErrorCode> = {
  JOB_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_YOUR_JOB: ErrorCode.FORBIDDEN,
  DISCRIMINATORY_ADVERT: ErrorCode.BAD_USER_INPUT,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  INVALID_JOB: ErrorCode.BAD_USER_INPUT,
  INVALID_SOURCE: ErrorCode.BAD_USER_INPUT,
  PUBLIC_WELFARE_STAFF_ONLY: ErrorCode.FORBIDDEN,
  SHIFT_TAKEN: ErrorCode.CONFLICT,
  SHIFT_NOT_FOUND: ErrorCode.NOT_FOUND,
  SHIFT_BOOKED: ErrorCode.CONFLICT,
};

export class JobsException extends AppError {
  constructor(reason: JobsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
