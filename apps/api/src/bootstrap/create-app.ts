import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { AccountsService, RequestContextFactory } from '@jobcode/accounts';
import { AppConfig, InputValidationPipe, type RequestContext, Secrets } from '@jobcode/common';
import { guardOneSession, migrateUnderLock } from '@jobcode/database';
import { RegionsService } from '@jobcode/regions';

import { AppModule } from '../app.module';
import { type DatabaseTarget } from './database';
import { resolveSecrets } from './secrets';

export interface CreateAppOptions {
  config: AppConfig;
  database: DatabaseTarget;
  secrets?: Secrets;
  logger?: LoggerService | LogLevel[] | false;
}

export interface StartedApp {
  app: NestFastifyApplication;
  appliedMigrations: string[];
  /** Set when this start created the first ADMIN account. */
  firstAdmin?: { phone: string; password?: string };
}

/**
 * Builds the application on a database: applies migrations (under an advisory lock,
 * so replicas booting together do it once), seeds the division tree and the first
 * admin on an empty database, and installs the per-request context hook.
 */
export async function createApp(options: CreateAppOptions): Promise<StartedApp> {
  const { config, database } = options;
  const secrets = options.secrets ?? resolveSecrets(config);
  const adapter = new FastifyAdapter({ trustProxy: true, bodyLimit: 20 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, secrets, database }), adapter, {
    logger: options.logger ?? (config.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn']),
    abortOnError: false,
  });
  app.useGlobalPipes(new InputValidationPipe());
  const contexts = app.get(RequestContextFactory);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook(
      'onRequest',
      async (request: { jobcode?: RequestContext; ip?: string; method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) => {
        request.jobcode = await contexts.create(request);
      },
    );

  let firstAdmin: StartedApp['firstAdmin'];
  const dataSource = app.get(DataSource);
  // On the embedded database a query beside an open transaction hangs; tests refuse it on any database.
  if (database.embedded || config.NODE_ENV === 'test') guardOneSession(dataSource);
  const appliedMigrations = await migrateUnderLock(dataSource, async () => {
    await app.get(RegionsService).seedIfEmpty();
    firstAdmin = await app.get(AccountsService).ensureFirstAdmin(config);
  });
  await app.init();
  return { app, appliedMigrations, firstAdmin };
}
