import { createClient, type RequestOptions, type TypedDocument } from '../graphql-client';
import type { Session } from '../session';

interface Renewed {
  renewToken: { accessToken: string; expiresAt: string; sessionExpiresAt: string };
}

/** Renew this long before the access token expires (and never later than half its life). */
const AHEAD_MS = 5 * 60_000;
const CHECK_MS = 30_000;

/**
 * The console's GraphQL client with the session kept alive: shortly before the access token
 * expires it calls renewToken and switches to the new token at once (the API refuses the old one
 * from then on). A renewal waits until no request is on its way and requests wait for a renewal,
 * so no request is ever sent with a token that was just retired (the shared client signs the
 * person out when the API says a token is no longer valid).
 */
export function createRenewingClient(session: Session, renewDocument: TypedDocument<Renewed, Record<string, never>>) {
  const client = createClient(session);
  let inFlight = 0;
  let renewing: Promise<void> | null = null;
  const idle: (() => void)[] = [];

  async function request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...rest: TVariables extends Record<string, never> ? [variables?: TVariables, options?: RequestOptions] : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult> {
    while (renewing) await renewing;
    inFlight++;
    try {
      return await client.request(document, ...rest);
    } finally {
      inFlight--;
      if (inFlight === 0) idle.splice(0).forEach((resume) => resume());
    }
  }

  /** Renews now; resolves when the new token is in use. Throws ApiError when the API refuses. */
  function renew(): Promise<void> {
    renewing ??= (async () => {
      if (inFlight > 0) await new Promise<void>((resume) => idle.push(resume));
      const { renewToken } = await client.request(renewDocument);
      const current = session.state.value;
      if (current) session.save({ ...current, ...renewToken });
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  /** Whether the token is due for renewal: close to its expiry, and the session lasts longer than the token. */
  function due(now = Date.now()): boolean {
    const state = session.state.value;
    if (!state) return false;
    const expires = Date.parse(state.expiresAt);
    if (!(Date.parse(state.sessionExpiresAt) > expires) || expires <= now) return false;
    return expires - now <= AHEAD_MS;
  }

  let timer: ReturnType<typeof setInterval> | undefined;
  /** Checks every 30 s (and when the page comes back to the front) whether to renew. */
  function keepAlive(): void {
    if (timer) return;
    const check = () => {
      if (due()) void renew().catch(() => undefined);
    };
    timer = setInterval(check, CHECK_MS);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    check();
  }

  return { request, renew, keepAlive, due };
}
