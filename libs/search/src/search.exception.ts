import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum SearchExceptionCode {
  INVALID_SEARCH = 'INVALID_SEARCH',
  PAGE_TOO_DEEP = 'PAGE_TOO_DEEP',
}

const CODE_OF: Record<SearchExceptionCode, ErrorCode> = {
  INVALID_SEARCH: ErrorCode.BAD_USER_INPUT,
  PAGE_TOO_DEEP: ErrorCode.BAD_USER_INPUT,
};

export class SearchException extends AppError {
  constructor(reason: SearchExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
