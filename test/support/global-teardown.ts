import { rmSync } from 'node:fs';

import { Client } from 'pg';

import { testState } from './test-state';

/** Drops the templates and any test database a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const state = testState();
  rmSync(state.pgliteTemplate, { recursive: true, force: true });
  if (state.mode === 'pglite') return;
  const client = new Client({ connectionString: state.adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${state.template}" WITH (FORCE)`);
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${state.runId}_t_%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
