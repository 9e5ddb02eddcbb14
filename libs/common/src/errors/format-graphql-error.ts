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
    return {
      message: requestLevelMessage(formatted.message, original, safeCode, typeof extensions.reason === 'string'),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...extensions, code: safeCode },
    };
  }
  const reference = randomBytes(4).toString('hex');
  logger.error(`[${reference}] ${clip(original instanceof Error ? (original.stack ?? original.message) : String(original), MAX_LOGGED_LENGTH)}`);
  return {
    message: `服务器内部错误，请稍后再试；如果一直出现，请联系管理员（错误编号 ${reference}）`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
  };
}

/** Longest message a client gets: graphql-js quotes the offending value, which may be megabytes. */
const MAX_MESSAGE_LENGTH = 600;
const MAX_LOGGED_LENGTH = 4_000;

/** Cuts text to `max` characters (whole code points), marking the cut. */
export function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  const cut = Array.from(text.slice(0, max)).join('');
  return `${cut.replace(/[\uD800-\uDBFF]$/, '')}…（已截断，共 ${text.length} 个字符）`;
}

/**
 * What a person reads for a refused request: the refusal of one of our rules or scalars in its
 * own Chinese words; graphql-js's English text (which names the field or variable) after a
 * Chinese lead, cut to a bounded length.
 */
function requestLevelMessage(message: string, original: unknown, code: string, ours: boolean): string {
  if (original instanceof GraphQLError && original !== undefined && typeof original.extensions?.reason === 'string' && original.message !== message) {
    // A built-in scalar refused a value: its message says why; graphql-js names where.
    const where = /^(Variable "\$[^"]{1,100}")/.exec(message)?.[1] ?? /(Argument "[^"]{1,100}")/.exec(message)?.[1];
    return clip(where ? `${original.message}（${where}）` : original.message);
  }
  if (ours) return clip(message);
  return clip(`${PASS_THROUGH[code] ?? '请求有误'}：${message}`);
}
