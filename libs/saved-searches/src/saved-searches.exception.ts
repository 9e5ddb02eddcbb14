import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum SavedSearchesExceptionCode {
  SAVED_SEARCH_NOT_FOUND = 'SAVED_SEARCH_NOT_FOUND',
  TOO_MANY_SAVED_SEARCHES = 'TOO_MANY_SAVED_SEARCHES',
  INVALID_SAVED_SEARCH = 'INVALID_SAVED_SEARCH',
}

const CODE_OF: Record<SavedSearchesExceptionCode, ErrorCode> = {
  SAVED_SEARCH_NOT_FOUND: ErrorCode.NOT_FOUND,
  TOO_MANY_SAVED_SEARCHES: ErrorCode.CONFLICT,
  INVALID_SAVED_SEARCH: ErrorCode.BAD_USER_INPUT,
};

export class SavedSearchesException extends AppError {
  constructor(reason: SavedSearchesExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
