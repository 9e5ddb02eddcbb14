import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum SeekersExceptionCode {
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  PROFILE_EXISTS = 'PROFILE_EXISTS',
  SEEKER_NOT_FOUND = 'SEEKER_NOT_FOUND',
  CLAIM_MISMATCH = 'CLAIM_MISMATCH',
  PROCESSING_RESTRICTED = 'PROCESSING_RESTRICTED',
  INVALID_FIELD = 'INVALID_FIELD',
  SUPPORT_GROUP_EXISTS = 'SUPPORT_GROUP_EXISTS',
  NOT_A_SPREADSHEET = 'NOT_A_SPREADSHEET',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  STAFF_ONLY_FIELD = 'STAFF_ONLY_FIELD',
}

const CODE_OF: Record<SeekersExceptionCode, ErrorCode> = {
  ALREADY_REGISTERED: ErrorCode.CONFLICT,
  PROFILE_EXISTS: ErrorCode.CONFLICT,
  SEEKER_NOT_FOUND: ErrorCode.NOT_FOUND,
  CLAIM_MISMATCH: ErrorCode.NOT_FOUND,
  PROCESSING_RESTRICTED: ErrorCode.CONFLICT,
  INVALID_FIELD: ErrorCode.BAD_USER_INPUT,
  SUPPORT_GROUP_EXISTS: ErrorCode.CONFLICT,
  NOT_A_SPREADSHEET: ErrorCode.BAD_USER_INPUT,
  MISSING_COLUMNS: ErrorCode.BAD_USER_INPUT,
  STAFF_ONLY_FIELD: ErrorCode.FORBIDDEN,
};

export class SeekersException extends AppError {
  constructor(reason: SeekersExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const seekerNotFound = () => new SeekersException(SeekersExceptionCode.SEEKER_NOT_FOUND, '求职登记不存在，或不在您可查看的范围内');
