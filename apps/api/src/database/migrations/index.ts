import { Foundation1795355868157 } from './1795355868157-foundation';
/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const MIGRATIONS = [Foundation1795355868157];
