import { Injectable } from '@nestjs/common';

import { type RequestContext, RequestLoaders } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { AuthService } from './auth.service';

export interface IncomingRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Builds the per-request context once: who is calling, a keyed client key, fresh DataLoaders. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async create(request: IncomingRequest): Promise<RequestContext> {
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    const userAgent = typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'].slice(0, 300) : undefined;
    const cipher = this.cipher;
    const address = request.ip ?? 'unknown';
    let clientKey: string | undefined;
    const context: RequestContext = {
      // Keyed only when a rate limit asks: most requests (a crowd's cached scans) never need it.
      get clientKey() {
        return (clientKey ??= cipher.hash(address, 'client-address').slice(0, 24));
      },
      userAgent,
      loaders: new RequestLoaders(() => context),
    };
    if (bearer) {
      const { actor, error } = await this.auth.authenticate(bearer);
      context.actor = actor;
      context.authError = error;
    }
    return context;
  }
}
