import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum ApplicationsExceptionCode {
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  JOB_NOT_OPEN = 'JOB_NOT_OPEN',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  NO_SEEKER_PROFILE = 'NO_SEEKER_PROFILE',
  NOT_IN_SUPPORT_GROUP = 'NOT_IN_SUPPORT_GROUP',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  REASON_REQUIRED = 'REASON_REQUIRED',
}

const CODE_OF: Record<ApplicationsExceptionCode, ErrorCode> = {
  APPLICATION_NOT_FOUND: ErrorCode.NOT_FOUND,
  JOB_NOT_OPEN: ErrorCode.CONFLICT,
  ALREADY_APPLIED: ErrorCode.CONFLICT,
  NO_SEEKER_PROFILE: ErrorCode.BAD_USER_INPUT,
  NOT_IN_SUPPORT_GROUP: ErrorCode.FORBIDDEN,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  CONSENT_REQUIRED: ErrorCode.BAD_USER_INPUT,
  REASON_REQUIRED: ErrorCode.BAD_USER_INPUT,
};

export class ApplicationsException extends AppError {
  constructor(reason: ApplicationsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const applicationNotFound = () => new ApplicationsException(ApplicationsExceptionCode.APPLICATION_NOT_FOUND, '没有找到这条报名记录，或您无权查看');
