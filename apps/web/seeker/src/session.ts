import { createClient } from '@shared/graphql-client';
import { createSession } from '@shared/session';

/** The seeker's sign-in state and the GraphQL client that sends it. */
export const session = createSession('seeker');
export const { request } = createClient(session);
