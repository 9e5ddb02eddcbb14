import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum PhoneCodesExceptionCode {
  CODE_INVALID = 'CODE_INVALID',
  CODE_EXPIRED = 'CODE_EXPIRED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  TOO_MANY_CODES = 'TOO_MANY_CODES',
  PURPOSE_NOT_REQUESTABLE = 'PURPOSE_NOT_REQUESTABLE',
  NO_ACCOUNT = 'NO_ACCOUNT',
  PHONE_CODE_SIGN_IN_NOT_ALLOWED = 'PHONE_CODE_SIGN_IN_NOT_ALLOWED',
}

const CODE_OF: Record<PhoneCodesExceptionCode, ErrorCode> = {
  CODE_INVALID: ErrorCode.BAD_USER_INPUT,
  CODE_EXPIRED: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_ATTEMPTS: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_CODES: ErrorCode.RATE_LIMITED,
  PURPOSE_NOT_REQUESTABLE: ErrorCode.BAD_USER_INPUT,
  NO_ACCOUNT: ErrorCode.NOT_FOUND,
  PHONE_CODE_SIGN_IN_NOT_ALLOWED: ErrorCode.FORBIDDEN,
};

export class PhoneCodesException extends AppError {
  constructor(reason: PhoneCodesExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
