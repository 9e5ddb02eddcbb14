import { createClient } from '@shared/graphql-client';
import { createSession } from '@shared/session';

/** The staff console's sign-in state and the GraphQL client that sends it. */
export const session = createSession('staff');
export const { request } = createClient(session);
