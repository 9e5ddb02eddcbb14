import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum DocumentsExceptionCode {
  UNSUPPORTED_IMAGE = 'UNSUPPORTED_IMAGE',
  INVALID_DOCUMENT = 'INVALID_DOCUMENT',
}

export class DocumentsException extends AppError {
  constructor(reason: DocumentsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { reason, ...options });
  }
}
