import 'reflect-metadata';

import { ConfigError, loadConfig } from '@jobcode/common';

import { createApp } from '../bootstrap/create-app';
import { resolveDatabase } from '../bootstrap/database';
import { loadDemo } from './demo-steps';

/**
 * npm run demo — loads a realistic demo data set for the demo county (资源县) into the
 * database the service would use (DATABASE_URL, else the embedded one in DATA_DIR;
 * stop `npm start` first when it runs on the embedded database).
 */
async function main(): Promise<void> {
  let config;
  try {
    // A bulk command, not the API: its long statements are not bounded unless asked.
    config = loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.isProduction) {
    console.error('npm run demo refuses NODE_ENV=production: the demo adds accounts with a published password and made-up people.');
    process.exit(1);
  }
  const database = await resolveDatabase(config);
  const { app } = await createApp({ config, database, logger: ['error', 'warn'] });
  try {
    await loadDemo(app, (line) => console.log(line));
    console.log(`Demo data loaded into ${database.description}.`);
  } finally {
    await app.close();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
