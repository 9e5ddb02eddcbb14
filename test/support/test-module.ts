import { type DynamicModule, type ForwardReference, type INestApplicationContext, Logger, Module, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { AppConfig, Secrets, useCursorKey } from '@jobcode/common';
import { guardOneSession, migrateUnderLock, trackWrites } from '@jobcode/database';
import { RegionsService } from '@jobcode/regions';

import { loadAppConfig } from '../../apps/api/src/bootstrap/config';
import { DATABASE_TARGET, type DatabaseTarget } from '../../apps/api/src/bootstrap/database';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_SECRETS } from './test-secrets';

export type TestModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface TestModule {
  /** The Nest application context: `app.get(SomeService)`, as on a test app. No HTTP server, no GraphQL. */
  app: INestApplicationContext;
  dataSource: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface StartTestModuleOptions {
  /** Settings on top of the test defaults, as for `startTestApp`. */
  env?: Record<string, string>;
  /** Boot on this existing database (another module's or app's `databaseUrl`) instead of a fresh one; it is not dropped on close. */
  databaseUrl?: string;
  /** Extra providers of the root module (a stand-in adapter a spec names itself, say). */
  providers?: Provider[];
}

@Module({})
class TestRootModule {}

/** The database as createApp leaves it before any module's lifecycle hook runs: migrated, seeded, guarded. */
async function openPrepared(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    guardOneSession(dataSource);
    trackWrites(dataSource);
    await migrateUnderLock(dataSource, async () => {
      await new RegionsService(dataSource).seedIfEmpty();
    });
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * Boots only `imports` (feature modules) on a fresh copy of the migrated database (or a given
 * one): the settings, secrets and database the composition root provides, the database
 * prepared as `createApp` prepares it (migrations under the lock, the division tree seeded,
 * the one-session guard and write tracking on), and nothing else — no HTTP server, no GraphQL
 * schema, no guards. For specs that test services against the real database; a spec that
 * asserts GraphQL errors, access rules, headers or routes uses `startTestApp` instead.
 */
export async function startTestModule(imports: TestModuleImport[], options: StartTestModuleOptions = {}): Promise<TestModule> {
  const database: TestDatabase = options.databaseUrl
    ? { url: options.databaseUrl, poolSize: 10, embedded: false, drop: async () => undefined }
    : await createTestDatabase();
  const config = loadAppConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: '/tmp/jobcode-test', ...options.env });
  const target: DatabaseTarget = {
    url: database.url,
    embedded: database.embedded,
    poolSize: database.poolSize,
    description: 'test',
    stop: async () => undefined,
  };
  useCursorKey(TEST_SECRETS.jwtSecret);
  Logger.overrideLogger(['error', 'warn']); // as the context below will, for the seeding that runs before it

  const typeormOptions = dataSourceOptions(database.url, database.poolSize, database.embedded ? undefined : config.DATABASE_STATEMENT_TIMEOUT_MS);
  const ready = await openPrepared(typeormOptions).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const typeorm = TypeOrmModule.forRootAsync({ useFactory: () => typeormOptions, dataSourceFactory: async () => ready });
  const root: DynamicModule = {
    module: TestRootModule,
    global: true,
    imports: [typeorm, ...imports],
    providers: [
      { provide: AppConfig, useValue: config },
      { provide: Secrets, useValue: TEST_SECRETS },
      { provide: DATABASE_TARGET, useValue: target },
      ...(options.providers ?? []),
    ],
    exports: [AppConfig, Secrets, DATABASE_TARGET],
  };
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(root, { logger: ['error', 'warn'], abortOnError: false });
  } catch (error) {
    await ready.destroy();
    await database.drop();
    throw error;
  }
  return {
    app,
    dataSource: app.get(DataSource),
    databaseUrl: database.url,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
