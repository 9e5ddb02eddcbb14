import { createClient } from '@shared/graphql-client';
import { createSession } from '@shared/session';

import { RenewToken } from './api/auth';

/** The seeker's sign-in state and the GraphQL client that sends it. */
export const session = createSession('seeker');
export const { request } = createClient(session);

/** Where a signed-in person's own data is kept offline: per account, so another person on the same phone never sees it. */
export const mine = (what: string): string => `me:${session.account.value?.id ?? 'nobody'}:${what}`;

/**
 * Access tokens live 30 minutes and only a valid one can be renewed: while the pages are open,
 * renew it when it has less than 10 minutes left, so that a person is not sent back to the SMS
 * code in the middle of a form. A token past its expiry is dropped when online (they sign in
 * again); offline it is kept, so the applications and contracts seen before still show.
 */
const RENEW_BEFORE_MS = 10 * 60_000;

export function keepSessionFresh(): void {
  const check = async () => {
    const current = session.state.value;
    if (!current || !navigator.onLine) return;
    const left = new Date(current.expiresAt).getTime() - Date.now();
    if (left <= 0) {
      session.clear();
      return;
    }
    if (left > RENEW_BEFORE_MS || new Date(current.sessionExpiresAt).getTime() <= new Date(current.expiresAt).getTime()) return;
    try {
      session.save((await request(RenewToken)).renewToken);
    } catch {
      // Offline or the session ended: the next request says so in Chinese.
    }
  };
  void check();
  setInterval(() => void check(), 60_000);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void check());
}
