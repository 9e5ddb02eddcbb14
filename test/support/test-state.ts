export interface TestState {
  /** `server`: a real PostgreSQL server; `pglite`: no server, each test file embeds its own. */
  mode: 'server' | 'pglite';
  adminUrl: string;
  template: string;
  runId: string;
}

/** Written by global-setup into the environment that jest's workers inherit. */
export function testState(): TestState {
  const raw = process.env.JOBCODE_TEST_STATE;
  if (!raw) throw new Error('JOBCODE_TEST_STATE is not set: run the tests with `npm test`');
  return JSON.parse(raw) as TestState;
}
