import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

import { AppError, ErrorCode } from '@jobcode/common';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/**
 * The REST twin of the GraphQL error formatter for the ledger routes: an AppError keeps
 * its code and Chinese message (`{ code, message, reason, field }` with the matching HTTP
 * status); Nest and multipart errors keep their status; anything else is a logged 500
 * with a generic message. (Candidate for @jobcode/common once other features add routes.)
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (error instanceof AppError) {
      void reply.status(STATUS[error.code]).send({
        code: error.code,
        message: error.message,
        ...(error.reason ? { reason: error.reason } : {}),
        ...(error.field ? { field: error.field } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
      return;
    }
    const status = (error as { statusCode?: unknown; getStatus?: () => number }).getStatus?.() ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? '上传的文件太大，请拆分后分批导入' : status === 404 ? '没有这个地址' : '请求格式不正确';
      void reply.status(status).send({ code: status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, message });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(500).send({ code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试；如果一直出现，请联系管理员' });
  }
}
