export interface TestState {
  /** `server`: a real PostgreSQL server; `pglite`: no server, each test file embeds its own. */
  mode: 'server' | 'pglite';
  adminUrl: string;
  template: string;
  runId: string;
  /** A PGlite data folder with every migration applied: each embedded test database starts from a copy. */
  pgliteTemplate: string;
}

/** Written by global-setup into the environment that jest's workers inherit. */
export function testState(): TestState {
  const raw = process.env.JOBCODE_TEST_STATE;
  if (!raw) throw new Error('JOBCODE_TEST_STATE is not set: run the tests with `npm test`');
  return JSON.parse(raw) as TestState;
}

/**
 * For tests that need a PostgreSQL server: several API processes on one database, sessions
 * held open side by side, pg_dump. The embedded database is one session in one process (a
 * second process refuses to start), so under `npm run test:pglite` they are skipped.
 */
export const onServer = {
  describe: (name: string, fn: () => void) => (testState().mode === 'server' ? describe(name, fn) : describe.skip(`${name} [needs a PostgreSQL server]`, fn)),
  it: (name: string, fn: () => Promise<unknown>, timeout?: number) =>
    testState().mode === 'server' ? it(name, fn, timeout) : it.skip(`${name} [needs a PostgreSQL server]`, fn, timeout),
};
