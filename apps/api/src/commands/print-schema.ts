import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Secrets } from '@jobcode/common';

import { loadAppConfig } from '../bootstrap/config';
import { createApp } from '../bootstrap/create-app';
import { schemaFileText } from '../graphql/schema-file';
import { createScratchDatabase } from './scratch-database';

/** npm run schema — writes schema.graphql from a booted app on a scratch database. */
async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_schema');
  const config = loadAppConfig({ NODE_ENV: 'test', DATABASE_URL: scratch.url });
  const { app } = await createApp({
    config,
    secrets: new Secrets('x'.repeat(32), '0'.repeat(64), '1'.repeat(64)),
    database: { url: scratch.url, embedded: false, poolSize: 2, description: 'scratch', stop: async () => undefined },
    logger: ['error'],
  });
  try {
    writeFileSync(join(process.cwd(), 'schema.graphql'), schemaFileText(app));
    console.log('Wrote schema.graphql');
  } finally {
    await app.close();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
