import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedPostgres } from '@jobcode/database';

import { createScratchDatabase } from '../../apps/api/src/commands/scratch-database';
import { testState } from './test-state';

export interface TestDatabase {
  url: string;
  /** PGlite serialises everything: keep pools small there. */
  poolSize: number;
  embedded: boolean;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a copy of the migrated template, or an embedded PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const state = testState();
  if (state.mode === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'jobcode-test-pglite-'));
    const embedded = await startEmbeddedPostgres(dir);
    return {
      url: embedded.url,
      poolSize: 8,
      embedded: true,
      async drop() {
        await embedded.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await createScratchDatabase(`${state.runId}_t`, state.template, state.adminUrl);
  return { url: scratch.url, poolSize: 10, embedded: false, drop: () => scratch.drop() };
}
