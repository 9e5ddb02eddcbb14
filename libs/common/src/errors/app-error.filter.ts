import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';

import { AppError, ErrorCode } from './app-error';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TIMEOUT: 503,
};

interface Reply {
  sent?: boolean;
  status(code: number): Reply;
  header(name: string, value: string): Reply;
  send(body: unknown): void;
}

/**
 * Domain errors are expected outcomes, not crashes: in GraphQL they are handed to the
 * error formatter untouched (no "ExceptionsHandler" stack in the logs); on plain HTTP
 * routes they become a JSON body with the same code and message. Anything else on
 * HTTP is logged and answered with a generic message.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<Reply>();
    if (exception instanceof AppError) {
      const retry = exception.details?.retryAfterSeconds;
      if (typeof retry === 'number') reply.header('Retry-After', String(retry));
      reply.status(HTTP_STATUS[exception.code]).send({ error: { code: exception.code, reason: exception.reason, message: exception.message } });
      return undefined;
    }
    if (exception instanceof HttpException) {
      reply
        .status(exception.getStatus())
        .send({ error: { code: exception.getStatus() === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, message: exception.message } });
      return undefined;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    reply.status(500).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试' } });
    return undefined;
  }
}
