import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ConfigError } from '@jobcode/common';
import { DataFolderInUseError } from '@jobcode/database';

import { loadAppConfig } from './bootstrap/config';
import { createApp } from './bootstrap/create-app';
import { resolveDatabase } from './bootstrap/database';
import { demoScanLinks, firstAdminNotice } from './bootstrap/start-notices';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const logger = new Logger('Jobcode');
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Jobcode cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let database;
  try {
    database = await resolveDatabase(config);
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(`Jobcode cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let started;
  try {
    started = await createApp({ config, database });
  } catch (error) {
    // Settings checked while the modules start (e.g. the contract signing certificate).
    if (error instanceof ConfigError) {
      console.error(`Jobcode cannot start. ${error.message}`);
      await database.stop();
      process.exit(1);
    }
    throw error;
  }
  const { app, appliedMigrations, firstAdmin } = started;
  app.enableShutdownHooks();
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  if (appliedMigrations.length) logger.log(`Applied ${appliedMigrations.length} migration(s)`);
  logger.log(`Database: ${database.description}`);
  logger.log(`Pages:    http://localhost:${config.PORT}/m/ (求职者), /e/ (用人单位), /s/ (工作人员)`);
  logger.log(`GraphQL:  http://localhost:${config.PORT}/graphql`);
  logger.log(`Health:   http://localhost:${config.PORT}/health`);
  logger.log(`Public URL for codes: ${config.publicUrl}`);
  const adminNotice = firstAdminNotice(firstAdmin);
  if (adminNotice) logger.warn(adminNotice);
  if (!config.isProduction) {
    const links = await demoScanLinks(app.get(DataSource), config.publicUrl);
    if (links.length) logger.log(`Demo scan links:\n${links.join('\n')}`);
  }
  logger.log(`Ready in ${Date.now() - startedAt} ms`);
}

void main().catch((error: unknown) => {
  console.error('Jobcode failed to start:', error);
  process.exit(1);
});
