import { type DataSourceOptions } from 'typeorm';

import { SnakeNamingStrategy } from '@jobcode/database';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one description of the database connection, shared by the app and the CLI. */
/**
 * `statementTimeoutMs`: PostgreSQL's statement_timeout on every connection of the pool (the API's;
 * migrations lift it on their own connection). Not on the embedded database, which runs one
 * statement at a time in this process.
 */
export function dataSourceOptions(url: string, poolSize = 20, statementTimeoutMs?: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migration',
    // gen_random_uuid() is core since PostgreSQL 13; extensions are created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}) },
    // Failed queries are not logged here: expected ones (unique violations) are domain errors, and
    // the rest reach the GraphQL error formatter, which logs them without their parameters.
    logging: ['warn', 'migration'],
  };
}
