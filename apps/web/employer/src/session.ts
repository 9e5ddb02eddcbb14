import { createClient } from '@shared/graphql-client';
import { createSession } from '@shared/session';

/** The employer console's sign-in state and the GraphQL client that sends it. */
export const session = createSession('employer');
export const { request } = createClient(session);
