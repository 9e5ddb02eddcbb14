/**
 * The stable machine codes a client sees in `extensions.code`.
 * Every domain error maps to exactly one of them.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request ran past its deadline (REQUEST_DEADLINE_MS); what it did not start was not done. */
  TIMEOUT = 'TIMEOUT',
}

export interface AppErrorOptions {
  /** A finer, stable reason for clients that branch on it, e.g. `INVALID_ID_NUMBER`. */
  reason?: string;
  /** The input field the error is about, e.g. `input.idNumber`. */
  field?: string;
  /** Extra safe data for the client (never personal data, never SQL). */
  details?: Record<string, unknown>;
}

/** What a feature exception takes beside its reason and message: `new XException(reason, message, { field, details })`. */
export type ExceptionOptions = Omit<AppErrorOptions, 'reason'>;

/**
 * A domain error: a code, a message in Chinese a person can act on, and safe details.
 * Feature libraries subclass it in their `<feature>.exception.ts`.
 */
export class AppError extends Error {
  readonly reason?: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.reason = options.reason;
    this.field = options.field;
    this.details = options.details;
  }
}

export const badInput = (message: string, options?: AppErrorOptions) => new AppError(ErrorCode.BAD_USER_INPUT, message, options);
export const unauthenticated = (message = '请先登录', options?: AppErrorOptions) => new AppError(ErrorCode.UNAUTHENTICATED, message, options);
export const forbidden = (message = '您没有权限执行此操作', options?: AppErrorOptions) => new AppError(ErrorCode.FORBIDDEN, message, options);
export const notFound = (message = '要找的记录不存在', options?: AppErrorOptions) => new AppError(ErrorCode.NOT_FOUND, message, options);
export const conflict = (message: string, options?: AppErrorOptions) => new AppError(ErrorCode.CONFLICT, message, options);
export const timedOut = () =>
  new AppError(ErrorCode.TIMEOUT, '请求处理超时，未完成的部分没有执行：请缩小查询范围或稍后再试', { reason: 'REQUEST_DEADLINE_EXCEEDED' });
export const rateLimited = (retryAfterSeconds: number, message?: string) =>
  new AppError(ErrorCode.RATE_LIMITED, message ?? `操作太频繁，请 ${retryAfterSeconds} 秒后再试`, {
    details: { retryAfterSeconds },
  });
