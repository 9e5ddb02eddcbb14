import { Foundation1795355868157 } from './1795355868157-foundation';
import { Outbox1795356581646 } from './1795356581646-outbox';
/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const MIGRATIONS = [Foundation1795355868157, Outbox1795356581646];
