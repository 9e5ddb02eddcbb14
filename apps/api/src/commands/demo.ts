import 'reflect-metadata';

import { ConfigError } from '@jobcode/common';

import { loadAppConfig } from '../bootstrap/config';
import { createApp } from '../bootstrap/create-app';
import { resolveDatabase } from '../bootstrap/database';
import { firstAdminNotice } from '../bootstrap/start-notices';
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
    config = loadAppConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0', ...process.env });
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
  const { app, firstAdmin } = await createApp({ config, database, logger: ['error', 'warn'] });
  // Created by this run on a new database: the only time its one-time password is shown, so
  // it is printed at once (and again at the end, below the demo's own lines).
  const adminNotice = firstAdminNotice(firstAdmin);
  if (adminNotice) console.log(adminNotice);
  try {
    await loadDemo(app, (line) => console.log(line));
    console.log(`Demo data loaded into ${database.description}.`);
    console.log(
      `The scan links above use ${config.publicUrl} (PUBLIC_URL, else http://localhost:PORT of this run); ` +
        '`npm start` prints them again under its own PUBLIC_URL / PORT.',
    );
    if (adminNotice) console.log(adminNotice);
  } finally {
    await app.close();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
