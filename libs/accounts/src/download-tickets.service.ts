import { createHmac } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';

import { type Actor, AppConfig, Secrets } from '@jobcode/common';

/** How long a download link works: long enough to tap it, too short to be worth stealing from a log. */
export const DOWNLOAD_TICKET_TTL_SECONDS = 300;
const AUDIENCE = 'jobcode-download';
/** The query parameter a ticket travels in. */
export const TICKET_PARAM = 'ticket';

export interface DownloadTicketClaims {
  accountId: string;
  sessionId: string;
}

/** `/path?b=2&a=1` → `/path?a=1&b=2`, without the ticket: what a ticket is bound to. */
export function canonicalDownloadPath(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://ticket.invalid');
  url.searchParams.delete(TICKET_PARAM);
  url.searchParams.sort();
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * Short-lived, single-purpose download tickets: a JWT signed with a key of its own (an access
 * token is never a ticket, nor the reverse), bound to one GET path with its query, to the
 * account and to its session (signing out kills the ticket), valid DOWNLOAD_TICKET_TTL_SECONDS.
 * A phone browser can open `url` by a tap: no Bearer header, no long-lived credential in it.
 */
@Injectable()
export class DownloadTicketsService {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    secrets: Secrets,
  ) {
    this.key = createHmac('sha256', secrets.jwtSecret).update('download-ticket').digest();
  }

  /** A link to `pathAndQuery` for the actor's session; `issuedAt` is now (tests may set it in the past). */
  async mint(actor: Pick<Actor, 'accountId' | 'sessionId'>, pathAndQuery: string, issuedAt = new Date()): Promise<{ url: string; expiresAt: Date }> {
    const path = canonicalDownloadPath(pathAndQuery);
    const expiresAt = new Date(issuedAt.getTime() + DOWNLOAD_TICKET_TTL_SECONDS * 1000);
    const ticket = await new SignJWT({ sid: actor.sessionId, p: path })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.accountId)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    const separator = path.includes('?') ? '&' : '?';
    return { url: `${this.config.publicUrl}${path}${separator}${TICKET_PARAM}=${ticket}`, expiresAt };
  }

  /** The account and session behind a ticket presented on `pathAndQuery`, or the reason it is refused. */
  async verify(ticket: string, pathAndQuery: string): Promise<{ claims?: DownloadTicketClaims; error?: string }> {
    try {
      const { payload } = await jwtVerify(ticket, this.key, { algorithms: ['HS256'], audience: AUDIENCE });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || payload.p !== canonicalDownloadPath(pathAndQuery)) {
        return { error: '下载链接与要下载的文件不符，请回到页面重新点击下载' };
      }
      return { claims: { accountId: payload.sub, sessionId: payload.sid } };
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return { error: expired ? '下载链接已过期（5 分钟内有效），请回到页面重新点击下载' : '下载链接无效，请回到页面重新点击下载' };
    }
  }
}
