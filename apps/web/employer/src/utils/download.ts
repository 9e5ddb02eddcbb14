import { CreateDownloadLink } from '../api/downloads';
import type { DownloadKind } from '../gql/graphql';
import { request } from '../session';

/** The link on this page's origin (the API answers with its public address; the path and ticket are what matter). */
function sameOrigin(url: string): string {
  const parsed = new URL(url, location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Mints a five-minute download link for one file and opens it as a plain navigation: no
 * Authorization header is needed, so it works by a tap in a phone's browser or in WeChat, and the
 * file (sent as an attachment) downloads without leaving the page. Returns the link so the page can
 * also show it for a second tap.
 */
export async function openDownload(kind: DownloadKind, id?: string): Promise<{ url: string; expiresAt: string }> {
  const { createDownloadLink } = await request(CreateDownloadLink, { input: { kind, id } });
  const url = sameOrigin(createDownloadLink.url);
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return { url, expiresAt: String(createDownloadLink.expiresAt) };
}
