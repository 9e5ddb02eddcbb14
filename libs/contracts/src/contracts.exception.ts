import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum ContractsExceptionCode {
  CONTRACT_NOT_FOUND = 'CONTRACT_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOT_THE_SIGNER = 'NOT_THE_SIGNER',
  IDENTITY_MISMATCH = 'IDENTITY_MISMATCH',
  CODE_INVALID = 'CODE_INVALID',
  CODE_EXPIRED = 'CODE_EXPIRED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  DIGEST_MISMATCH = 'DIGEST_MISMATCH',
  SEEKER_HAS_NO_ACCOUNT = 'SEEKER_HAS_NO_ACCOUNT',
  EMPLOYER_DETAILS_MISSING = 'EMPLOYER_DETAILS_MISSING',
  OPEN_CONTRACT_EXISTS = 'OPEN_CONTRACT_EXISTS',
}

const CODE_OF: Record<ContractsExceptionCode, ErrorCode> = {
  CONTRACT_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  NOT_THE_SIGNER: ErrorCode.FORBIDDEN,
  IDENTITY_MISMATCH: ErrorCode.BAD_USER_INPUT,
  CODE_INVALID: ErrorCode.BAD_USER_INPUT,
  CODE_EXPIRED: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_ATTEMPTS: ErrorCode.FORBIDDEN,
  DIGEST_MISMATCH: ErrorCode.CONFLICT,
  SEEKER_HAS_NO_ACCOUNT: ErrorCode.CONFLICT,
  EMPLOYER_DETAILS_MISSING: ErrorCode.BAD_USER_INPUT,
  OPEN_CONTRACT_EXISTS: ErrorCode.CONFLICT,
};

export class ContractsException extends AppError {
  constructor(reason: ContractsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const contractNotFound = () => new ContractsException(ContractsExceptionCode.CONTRACT_NOT_FOUND, '没有找到这份合同，或您无权查看');
