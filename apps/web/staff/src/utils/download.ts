import { ApiError, describeHttpFailure, OFFLINE_MESSAGE } from '@shared/api-error';

import { CreateDownloadLink } from '../api/downloads';
import type { DownloadKind } from '../gql/graphql';
import { request, session } from '../session';

/**
 * Downloads a ledger through a one-use link minted on the click (createDownloadLink: five minutes,
 * this one file, no credential in the URL) and opened as a plain link, so the browser streams the
 * file to disk itself under the name the server gives instead of holding it in memory as a Blob.
 */
export async function downloadByLink(kind: DownloadKind, params: Record<string, string | number | boolean | null | undefined> = {}): Promise<void> {
  const { createDownloadLink } = await request(CreateDownloadLink, { input: { kind, query: query(params).slice(1) || null } });
  // The console is served by the API itself, so the file is fetched from this page's origin: the
  // link's host is the API's PUBLIC_URL, meant for phones, which a console behind another name
  // (an intranet address, a test's port) may not reach.
  const minted = new URL(createDownloadLink.url, location.href);
  const link = document.createElement('a');
  link.href = `${minted.pathname}${minted.search}`;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Downloads a file the API has no download link for (the service-code posters) with the Bearer
 * header and saves it under the name the server gives (Content-Disposition), so no long-lived
 * credential goes into a URL.
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
