import { AppError, ErrorCode, type ExceptionOptions } from '@jobcode/common';

export enum NotificationsExceptionCode {
  UNKNOWN_TEMPLATE = 'UNKNOWN_TEMPLATE',
  TEMPLATE_PARAMS = 'TEMPLATE_PARAMS',
  NO_RECIPIENT = 'NO_RECIPIENT',
  RECIPIENT_NOT_FOUND = 'RECIPIENT_NOT_FOUND',
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
}

const CODE_OF: Record<NotificationsExceptionCode, ErrorCode> = {
  UNKNOWN_TEMPLATE: ErrorCode.BAD_USER_INPUT,
  TEMPLATE_PARAMS: ErrorCode.BAD_USER_INPUT,
  NO_RECIPIENT: ErrorCode.BAD_USER_INPUT,
  RECIPIENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOTIFICATION_NOT_FOUND: ErrorCode.NOT_FOUND,
};

export class NotificationsException extends AppError {
  constructor(reason: NotificationsExceptionCode, message: string, options: ExceptionOptions = {}) {
    super(CODE_OF[reason], message, { reason, ...options });
  }
}
