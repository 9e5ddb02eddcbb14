import { createClient } from '@shared/graphql-client';
import { createSession } from '@shared/session';

/** The seeker's sign-in state and the GraphQL client that sends it. */
export const session = createSession('seeker');
export const { request } = createClient(session);

/** Where a signed-in person's own data is kept offline: per account, so another person on the same phone never sees it. */
export const mine = (what: string): string => `me:${session.account.value?.id ?? 'nobody'}:${what}`;
