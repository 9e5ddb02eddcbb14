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

/** What busboy and @fastify/multipart say about a body that is not well-formed multipart. */
const MALFORMED_MULTIPART = /^Multipart: |Unexpected end of (multipart|form)|Malformed part header|Part terminated early|boundary/i;

/**
 * Errors caused by what the client sent rather than by the server: Fastify's own (they carry a
 * 4xx statusCode: body too large, invalid JSON, too many files or parts) and a malformed
 * multipart body (wrong or missing boundary, cut off before its end).
 */
export function clientRequestError(exception: unknown): { status: number; message: string } | undefined {
  if (!(exception instanceof Error)) return undefined;
  const status = (exception as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const messages: Record<number, string> = {
      413: '请求或上传的文件太大，请缩小后再试',
      415: '请求的 Content-Type 不受支持：GraphQL 请用 application/json，上传请用 multipart/form-data',
      429: '操作太频繁，请稍后再试',
    };
    return { status, message: messages[status] ?? '请求格式错误，请检查后重新发送' };
  }
  if (MALFORMED_MULTIPART.test(exception.message)) {
    return { status: 400, message: '上传内容不完整或格式不对：请以 multipart/form-data 重新上传文件（文件放在 file 字段）' };
  }
  return undefined;
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
        .send(
          exception.getStatus() === 404
            ? { error: { code: ErrorCode.NOT_FOUND, message: '找不到这个地址，请检查链接是否完整' } }
            : { error: { code: ErrorCode.BAD_USER_INPUT, message: exception.message.slice(0, 600) } },
        );
      return undefined;
    }
    const client = clientRequestError(exception);
    if (client) {
      reply.status(client.status).send({ error: { code: client.status === 429 ? ErrorCode.RATE_LIMITED : ErrorCode.BAD_USER_INPUT, message: client.message } });
      return undefined;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message).slice(0, 4_000) : String(exception).slice(0, 4_000));
    reply.status(500).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误，请稍后再试' } });
    return undefined;
  }
}
