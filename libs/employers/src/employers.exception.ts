import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum EmployersExceptionCode {
  CREDIT_CODE_TAKEN = 'CREDIT_CODE_TAKEN',
  EMPLOYER_NOT_FOUND = 'EMPLOYER_NOT_FOUND',
  NOT_A_MEMBER = 'NOT_A_MEMBER',
  EMPLOYER_NOT_VERIFIED = 'EMPLOYER_NOT_VERIFIED',
  ALREADY_REVIEWED = 'ALREADY_REVIEWED',
  NOT_AN_EMPLOYER_ACCOUNT = 'NOT_AN_EMPLOYER_ACCOUNT',
  NOT_COMPANY_ADMIN = 'NOT_COMPANY_ADMIN',
  VERIFIED_FIELD_LOCKED = 'VERIFIED_FIELD_LOCKED',
}

const CODE_OF: Record<EmployersExceptionCode, ErrorCode> = {
  CREDIT_CODE_TAKEN: ErrorCode.CONFLICT,
  EMPLOYER_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_A_MEMBER: ErrorCode.FORBIDDEN,
  EMPLOYER_NOT_VERIFIED: ErrorCode.FORBIDDEN,
  ALREADY_REVIEWED: ErrorCode.CONFLICT,
  NOT_AN_EMPLOYER_ACCOUNT: ErrorCode.BAD_USER_INPUT,
  NOT_COMPANY_ADMIN: ErrorCode.FORBIDDEN,
  VERIFIED_FIELD_LOCKED: ErrorCode.FORBIDDEN,
};

export class EmployersException extends AppError {
  constructor(reason: EmployersExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
