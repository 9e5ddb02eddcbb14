import { Injectable } from '@nestjs/common';

import { type Actor, type RequestContext, RequestLoaders } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { AuthService } from './auth.service';
import { DownloadTicketsService, TICKET_PARAM } from './download-tickets.service';

export interface IncomingRequest {
  ip?: string;
  method?: string;
  /** The path and query as requested. */
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One request's context. The client key (an HMAC of the address) is computed on first use,
 * when a rate limit asks: most requests, such as a crowd's cached scans, never need it. It is a
 * getter on the prototype so the copies GraphQL drivers make of the context stay lazy too.
 */
class HttpRequestContext implements RequestContext {
  actor?: Actor;
  authError?: string;
  readonly loaders: RequestLoaders;

  constructor(
    private readonly keyOf: () => string,
    readonly userAgent: string | undefined,
  ) {
    this.loaders = new RequestLoaders(() => this);
  }

  get clientKey(): string {
    return this.keyOf();
  }
}

/** Builds the per-request context once: who is calling, a keyed client key, fresh DataLoaders. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly cipher: PersonalDataCipher,
    private readonly tickets: DownloadTicketsService,
  ) {}

  async create(request: IncomingRequest): Promise<RequestContext> {
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    const userAgent = typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'].slice(0, 300) : undefined;
    const address = request.ip ?? 'unknown';
    let clientKey: string | undefined;
    const context = new HttpRequestContext(() => (clientKey ??= this.cipher.hash(address, 'client-address').slice(0, 24)), userAgent);
    if (bearer) {
      const { actor, error } = await this.auth.authenticate(bearer);
      context.actor = actor;
      context.authError = error;
    } else if (request.method === 'GET' && request.url?.includes(`${TICKET_PARAM}=`)) {
      // A tapped download link: the ticket stands for the session, for this one path only.
      const ticket = new URL(request.url, 'http://request.invalid').searchParams.get(TICKET_PARAM);
      if (ticket) {
        const verified = await this.tickets.verify(ticket, request.url);
        const resolved = verified.claims ? await this.auth.actorOfSession(verified.claims.accountId, verified.claims.sessionId) : { error: verified.error };
        context.actor = resolved.actor;
        context.authError = resolved.error;
      }
    }
    return context;
  }
}
