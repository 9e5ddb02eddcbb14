import { ApiError, describeHttpFailure, OFFLINE_MESSAGE } from '@shared/api-error';

import { session } from '../session';

/**
 * Downloads a ledger or a poster from the API with the Bearer header and saves it under the
 * name the server gives (Content-Disposition), so no long-lived credential goes into a URL.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (session.token.value) headers.authorization = `Bearer ${session.token.value}`;
  let response: Response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError('OFFLINE', OFFLINE_MESSAGE);
  }
  if (!response.ok) {
    // The API's REST errors: { error: { code, message (Chinese), field } }.
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    const message = body?.error?.message;
    if (message) throw new ApiError(body.error?.code ?? 'BAD_REQUEST', message, body.error?.field);
    throw describeHttpFailure(response.status);
  }
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameOf(disposition: string | null): string | null {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
