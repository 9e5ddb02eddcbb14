import { Foundation1795355868157 } from './1795355868157-foundation';
import { JobSeekers1795356740120 } from './1795356740120-job-seekers';
/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const MIGRATIONS = [Foundation1795355868157, JobSeekers1795356740120];
