import { AsyncResource } from 'node:async_hooks';

import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { AccountsService, RequestContextFactory } from '@jobcode/accounts';
import { AppConfig, InputValidationPipe, type RequestContext, Secrets, useCursorKey } from '@jobcode/common';
import { guardOneSession, migrateUnderLock, runInWriteScope, trackWrites } from '@jobcode/database';
import { RegionsService } from '@jobcode/regions';

import { AppModule } from '../app.module';
import { serveWeb } from '../web/serve-web';
import { type DatabaseTarget } from './database';
import { installResponseProtection } from './response-protection';
import { resolveSecrets } from './secrets';

/** Largest request body outside uploads (GraphQL documents and variables); multipart uploads have their own per-file limits. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The longest a client may take to send a whole request (an upload of 50 MB over a slow line included). */
const REQUEST_TIMEOUT_MS = 120_000;

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
  useCursorKey(secrets.jwtSecret);
  const adapter = new FastifyAdapter({
    // The client address (rate limits, lock-out) comes from X-Forwarded-For only through proxies named in TRUST_PROXY.
    trustProxy: config.trustProxy,
    bodyLimit: MAX_BODY_BYTES,
    // A body that never ends (an unterminated upload) is cut off instead of holding the connection.
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, secrets, database }), adapter, {
    logger: options.logger ?? (config.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn']),
    abortOnError: false,
  });
  app.useGlobalPipes(new InputValidationPipe());
  // Before any route is registered (Nest registers them in init), so every response passes it.
  installResponseProtection(app.getHttpAdapter().getInstance());
  const contexts = app.get(RequestContextFactory);
  const instance = app.getHttpAdapter().getInstance();
  // Each request runs in its own write scope (what the idempotency plugin learns about its writes).
  // The body is read from socket events, outside the request's async context: re-enter it after.
  const requestScopes = new WeakMap<object, AsyncResource>();
  instance.addHook('onRequest', (request, _reply, done) =>
    runInWriteScope(() => {
      requestScopes.set(request, new AsyncResource('jobcode.request'));
      done();
    }),
  );
  instance.addHook('preValidation', (request, _reply, done) => {
    const scope = requestScopes.get(request);
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
  instance.addHook(
    'onRequest',
    async (request: { jobcode?: RequestContext; ip?: string; method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) => {
      const arrived = Date.now();
      request.jobcode = await contexts.create(request);
      request.jobcode.deadline = arrived + config.REQUEST_DEADLINE_MS;
    },
  );

  let firstAdmin: StartedApp['firstAdmin'];
  const dataSource = app.get(DataSource);
  // On the embedded database a query beside an open transaction hangs; tests refuse it on any database.
  if (database.embedded || config.NODE_ENV === 'test') guardOneSession(dataSource);
  trackWrites(dataSource);
  const appliedMigrations = await migrateUnderLock(dataSource, async () => {
    await app.get(RegionsService).seedIfEmpty();
    firstAdmin = await app.get(AccountsService).ensureFirstAdmin(config);
  });
  await serveWeb(app, config.WEB_DIR);
  await app.init();
  return { app, appliedMigrations, firstAdmin };
}
