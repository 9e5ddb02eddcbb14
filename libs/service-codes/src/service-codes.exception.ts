import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum ServiceCodesExceptionCode {
  /** Unknown, revoked and expired tokens all get this one answer: no oracle for guessing. */
  INVALID_CODE = 'INVALID_CODE',
  TARGET_NOT_FOUND = 'TARGET_NOT_FOUND',
  NOT_MANAGER = 'NOT_MANAGER',
  ALREADY_INACTIVE = 'ALREADY_INACTIVE',
  BAD_EXPIRY = 'BAD_EXPIRY',
  NOT_ALLOWED_TO_VIEW = 'NOT_ALLOWED_TO_VIEW',
}

const CODE_OF: Record<ServiceCodesExceptionCode, ErrorCode> = {
  INVALID_CODE: ErrorCode.NOT_FOUND,
  TARGET_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_MANAGER: ErrorCode.FORBIDDEN,
  ALREADY_INACTIVE: ErrorCode.CONFLICT,
  BAD_EXPIRY: ErrorCode.BAD_USER_INPUT,
  NOT_ALLOWED_TO_VIEW: ErrorCode.FORBIDDEN,
};

export class ServiceCodesException extends AppError {
  constructor(reason: ServiceCodesExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}

export const invalidCode = () =>
  new ServiceCodesException(ServiceCodesExceptionCode.INVALID_CODE, '此码无效或已停用。请扫描现场张贴的最新二维码，或联系村、乡镇工作人员。');
