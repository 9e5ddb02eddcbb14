import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

let embeddedForThisFile = false;

/**
 * The test file's databases are embedded PGlite even when a server is there: the browser tests
 * (test/support/browser.ts) call this, since the pages are what a new user's `npm start` serves,
 * on the embedded database; the API's behaviour on a server is covered by every other tier.
 * Jest gives each test file its own module registry, so this holds for one file only.
 */
export function useEmbeddedDatabase(): void {
  embeddedForThisFile = true;
}

/** A fresh database for one test file: a copy of the migrated template database, or an embedded PGlite started from a copy of the migrated template folder. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const state = testState();
  if (state.mode === 'pglite' || embeddedForThisFile) {
    const dir = mkdtempSync(join(tmpdir(), 'jobcode-test-pglite-'));
    cpSync(state.pgliteTemplate, dir, { recursive: true });
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
