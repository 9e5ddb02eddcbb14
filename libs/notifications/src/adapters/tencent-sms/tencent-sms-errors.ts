/**
 * What to do when Tencent Cloud SMS does not accept a message. Codes come either from the
 * request (Response.Error.Code: the whole call failed) or from the per-number SendStatus.Code.
 * Sources: Tencent Cloud SMS API 3.0 error codes (cloud.tencent.com/document/api/382/52075 and
 * the SendSms status codes, /document/api/382/59177).
 *
 * - PERMANENT: this message will never go out as it is (bad number, number on the do-not-disturb
 *   list, template or signature not approved / not matching, content too long or with a
 *   sensitive word). Recorded FAILED with the code; retrying would only repeat the refusal.
 * - TEMPORARY: it may go out later (rate and daily limits, provider timeouts and internal errors,
 *   network errors, HTTP 5xx), or the whole account is unusable until an operator acts (keys,
 *   IP allow-list, SdkAppId, arrears, empty SMS package). The outbox retries with backoff and
 *   after OUTBOX_MAX_ATTEMPTS keeps the delivery DEAD and visible, so an outage of the account
 *   does not silently drop every message.
 * Unknown codes are TEMPORARY for the same reason: bounded by OUTBOX_MAX_ATTEMPTS, never lost.
 */
export enum SmsFailureKind {
  TEMPORARY = 'TEMPORARY',
  PERMANENT = 'PERMANENT',
}

/** FailedOperation.* codes that change without touching the message. */
const TEMPORARY_FAILED_OPERATIONS = new Set([
  // The SMS package ran out: sends again once the bureau tops it up.
  'FailedOperation.InsufficientBalanceInSmsPackage',
  // Marketing SMS only 8:00–22:00.
  'FailedOperation.MarketingSendTimeConstraint',
]);

/** LimitExceeded.* codes about the request itself, not a rate: sending it again cannot help. */
const PERMANENT_LIMITS = new Set(['LimitExceeded.PhoneNumberCountLimit']);

const PERMANENT_PREFIXES = ['InvalidParameterValue', 'InvalidParameter', 'MissingParameter', 'UnsupportedOperation'];

const hasPrefix = (code: string, prefix: string) => code === prefix || code.startsWith(`${prefix}.`);

/** Classifies a Tencent Cloud (SMS) error code. */
export function classifyTencentSmsCode(code: string): SmsFailureKind {
  if (PERMANENT_PREFIXES.some((prefix) => hasPrefix(code, prefix))) return SmsFailureKind.PERMANENT;
  if (code.startsWith('FailedOperation.')) {
    return TEMPORARY_FAILED_OPERATIONS.has(code) ? SmsFailureKind.TEMPORARY : SmsFailureKind.PERMANENT;
  }
  if (PERMANENT_LIMITS.has(code)) return SmsFailureKind.PERMANENT;
  // LimitExceeded.*, RequestLimitExceeded.*, InternalError.*, AuthFailure.*, UnauthorizedOperation.*,
  // ResourceUnavailable.*, the bare FailedOperation and anything unknown.
  return SmsFailureKind.TEMPORARY;
}

export interface SmsFailure {
  kind: SmsFailureKind;
  /** The Tencent code, `HTTP_<status>` or `NETWORK`. */
  code: string;
  /** Tencent's message with long digit runs (phone numbers) masked; safe to log. */
  detail: string;
  requestId: string;
}

/** Long digit runs (a phone number in a provider message) masked before anything is logged or stored. */
export function maskDigits(text: string): string {
  return text.replace(/\+?\d{7,}/g, (digits) => `${digits.slice(0, 3)}****${digits.slice(-2)}`);
}

/**
 * Reads an error thrown by the Tencent Cloud SDK: `code` is set when the API answered with an
 * error, `httpCode` when the HTTP status was not 200, neither on a network error or timeout.
 */
export function describeTencentError(error: unknown): SmsFailure {
  const e = (error ?? {}) as { code?: unknown; httpCode?: unknown; message?: unknown; requestId?: unknown };
  const detail = maskDigits(typeof e.message === 'string' ? e.message : String(error)).slice(0, 300);
  const requestId = typeof e.requestId === 'string' ? e.requestId : '';
  if (typeof e.code === 'string' && e.code) return { kind: classifyTencentSmsCode(e.code), code: e.code, detail, requestId };
  // Any other HTTP status (5xx, 429, a proxy's 4xx) or no answer at all: try again later.
  if (typeof e.httpCode === 'number') return { kind: SmsFailureKind.TEMPORARY, code: `HTTP_${e.httpCode}`, detail, requestId };
  return { kind: SmsFailureKind.TEMPORARY, code: 'NETWORK', detail, requestId };
}

/** Thrown for a temporary failure: the outbox retries the delivery with backoff. */
export class TemporarySmsError extends Error {
  constructor(readonly failure: SmsFailure) {
    super(`Tencent SMS ${failure.code}: ${failure.detail}${failure.requestId ? ` (RequestId ${failure.requestId})` : ''}`);
    this.name = 'TemporarySmsError';
  }
}
