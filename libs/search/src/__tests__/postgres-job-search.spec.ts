import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { PostgresJobSearchEngine } from '../postgres/postgres-job-search.engine';
import { describeJobSearchContract } from './job-search.contract';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(async () => api?.close());

// `npm test` runs this on the PostgreSQL server; `npm run test:pglite` on embedded PGlite.
describeJobSearchContract('PostgreSQL full-text', () => api.app.get(PostgresJobSearchEngine));
