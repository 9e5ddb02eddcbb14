import { randomBytes } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { AppError, ErrorCode } from './app-error';

const logger = new Logger('GraphQLError');

/** Codes Apollo and graphql-js produce before any resolver runs; they are safe to pass on. */
const PASS_THROUGH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '请求格式错误',
  GRAPHQL_VALIDATION_FAILED: '请求与接口定义不符',
  BAD_USER_INPUT: '输入有误',
  PERSISTED_QUERY_NOT_FOUND: '请求格式错误',
  OPERATION_RESOLUTION_FAILURE: '请求格式错误',
  BAD_REQUEST: '请求格式错误',
};

function isNestHttpException(error: unknown): error is { getStatus(): number; message: string } {
  return typeof error === 'object' && error !== null && typeof (error as { getStatus?: unknown }).getStatus === 'function';
}

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * The one place that turns any thrown error into what a client sees.
 * Domain errors keep their code and message; anything unexpected becomes
 * INTERNAL_SERVER_ERROR with a generic Chinese message and a reference, logged in full
 * here under that reference, so no internal text, stack trace or SQL ever reaches a
 * client, in any environment, and staff can still find the log line a person reports.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.field ? { field: original.field } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  if (isNestHttpException(original)) {
    const code = STATUS_TO_CODE[original.getStatus()] ?? ErrorCode.BAD_USER_INPUT;
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const code = formatted.extensions?.code;
  // Request-level errors (parse, validation, variable coercion, cost) come from graphql-js or
  // Apollo before any resolver ran: they have no path and no foreign original error.
  const requestLevel = formatted.path === undefined && error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError);
  if (requestLevel || (typeof code === 'string' && code in PASS_THROUGH && !(original instanceof Error && !(original instanceof GraphQLError)))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const safeCode = typeof code === 'string' && code in PASS_THROUGH ? code : 'BAD_USER_INPUT';
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code: safeCode } };
  }
  const reference = randomBytes(4).toString('hex');
  logger.error(`[${reference}] ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return {
    message: `服务器内部错误，请稍后再试；如果一直出现，请联系管理员（错误编号 ${reference}）`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
  };
}
