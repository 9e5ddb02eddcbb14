import { Foundation1795355868157 } from './1795355868157-foundation';
import { EmployersJobSourcesJobs1795356880578 } from './1795356880578-employers-job-sources-jobs';
/** Every migration, oldest first. `npm run migration:generate -- <Name>` appends here. */
export const MIGRATIONS = [Foundation1795355868157, EmployersJobSourcesJobs1795356880578];
