import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { PostgresJobSearchEngine } from '../postgres/postgres-job-search.engine';
import { POSTGRES_SEARCH_SETTINGS, type PostgresSearchSettings, SEARCH_WINDOW } from '../postgres/postgres-search.settings';
import { describeJobSearchContract } from './job-search.contract';

let api: TestModule;
beforeAll(async () => {
  // The engine on the migrated database, with SearchModule's window: no HTTP server, no GraphQL, no other feature.
  api = await startTestModule([], {
    providers: [PostgresJobSearchEngine, { provide: POSTGRES_SEARCH_SETTINGS, useValue: { windowSize: SEARCH_WINDOW } satisfies PostgresSearchSettings }],
  });
});
afterAll(async () => api?.close());

// `npm test` runs this on the PostgreSQL server; `npm run test:pglite` on embedded PGlite.
describeJobSearchContract('PostgreSQL full-text', () => api.app.get(PostgresJobSearchEngine));
