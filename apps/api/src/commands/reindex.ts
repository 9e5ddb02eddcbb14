import 'reflect-metadata';

import { ConfigError } from '@jobcode/common';
import { JobSearchIndexer } from '@jobcode/search';

import { loadAppConfig } from '../bootstrap/config';
import { createApp } from '../bootstrap/create-app';
import { resolveDatabase } from '../bootstrap/database';

/**
 * npm run reindex — rebuilds the job search index (PostgreSQL, or Meilisearch when MEILI_URL
 * is set) from the jobs table: empties it, then adds every job that is open now. Safe to run
 * while the API serves; searches see a partial index until it finishes.
 */
async function main(): Promise<void> {
  let config;
  try {
    // A bulk command, not the API: its long statements are not bounded unless asked.
    config = loadAppConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = await resolveDatabase(config);
  const { app } = await createApp({ config, database, logger: ['error', 'warn'] });
  const started = Date.now();
  try {
    const count = await app.get(JobSearchIndexer).reindex(process.stdout.isTTY ? (done) => process.stdout.write(`\rreindex: ${done} jobs`) : undefined);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `\rreindex: ${count} open jobs indexed in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001))} jobs/s) on ${database.description}`,
    );
  } finally {
    await app.close();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
