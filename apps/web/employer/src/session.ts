import { createRenewingClient } from '@shared/console/session-renewal';
import { createSession } from '@shared/session';

import { RenewToken } from './api/account';

/** The employer console's sign-in state and the GraphQL client that sends it (renewing the token before it expires). */
export const session = createSession('employer');
export const { request, renew, keepAlive } = createRenewingClient(session, RenewToken);
