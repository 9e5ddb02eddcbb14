/** What the pages show when a request fails: the API's Chinese message, at the field it names. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field the API named (`extensions.field`), for showing the message beside it. */
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const OFFLINE_MESSAGE = '网络连接不上，请检查网络后再试';

/** A failure with no GraphQL answer (a proxy's error page, a server restart): a Chinese sentence, never a status code. */
export function describeHttpFailure(status: number): ApiError {
  if (status === 429) return new ApiError('RATE_LIMITED', '操作太频繁，请稍等一会儿再试');
  if (status === 413) return new ApiError('PAYLOAD_TOO_LARGE', '提交的内容太大，请减少后再试');
  if (status >= 500) return new ApiError('UNAVAILABLE', '服务器暂时无法处理，请稍后再试');
  return new ApiError('BAD_REQUEST', '请求没有成功，请刷新页面后再试');
}

/** The message to show for anything thrown by a page's action. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === 'AbortError') return '已取消';
  return '出了点问题，请刷新页面后再试';
}
