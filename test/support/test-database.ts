import { createScratchDatabase } from '../../apps/api/src/commands/scratch-database';
import { testState } from './test-state';

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const state = testState();
  return createScratchDatabase(`${state.runId}_t`, state.template, state.adminUrl);
}
