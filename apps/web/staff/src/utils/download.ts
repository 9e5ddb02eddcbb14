import { CreateDownloadLink } from '../api/downloads';
import type { DownloadKind } from '../gql/graphql';
import { request } from '../session';

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

/** Saves what the page itself made (a CSV of results) under a name. */
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

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
