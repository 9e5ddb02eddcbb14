import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum AccountsExceptionCode {
  PHONE_TAKEN = 'PHONE_TAKEN',
  WRONG_CREDENTIALS = 'WRONG_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED',
  WRONG_SECOND_FACTOR = 'WRONG_SECOND_FACTOR',
  SECOND_FACTOR_STATE = 'SECOND_FACTOR_STATE',
  /** Signed in, but the current password or the enrolment code typed was wrong: not a reason to sign out. */
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  WRONG_ENROLMENT_CODE = 'WRONG_ENROLMENT_CODE',
}

const CODE_OF: Record<AccountsExceptionCode, ErrorCode> = {
  PHONE_TAKEN: ErrorCode.CONFLICT,
  WRONG_CREDENTIALS: ErrorCode.UNAUTHENTICATED,
  ACCOUNT_LOCKED: ErrorCode.RATE_LIMITED,
  ACCOUNT_DISABLED: ErrorCode.FORBIDDEN,
  WEAK_PASSWORD: ErrorCode.BAD_USER_INPUT,
  SESSION_EXPIRED: ErrorCode.UNAUTHENTICATED,
  ROLE_NOT_ALLOWED: ErrorCode.BAD_USER_INPUT,
  SECOND_FACTOR_REQUIRED: ErrorCode.UNAUTHENTICATED,
  WRONG_SECOND_FACTOR: ErrorCode.UNAUTHENTICATED,
  SECOND_FACTOR_STATE: ErrorCode.CONFLICT,
  WRONG_CURRENT_PASSWORD: ErrorCode.BAD_USER_INPUT,
  WRONG_ENROLMENT_CODE: ErrorCode.BAD_USER_INPUT,
};

export class AccountsException extends AppError {
  constructor(reason: AccountsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
