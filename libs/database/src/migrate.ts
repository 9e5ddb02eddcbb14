import { DataSource, MigrationExecutor } from 'typeorm';

/** Any fixed number: all processes on one database agree on it. */
const MIGRATION_LOCK_KEY = 4_503_290;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so API processes that
 * boot at the same moment on one database apply each migration exactly once.
 * `afterMigrations` runs under the same lock (first-start seeding).
 */
export async function migrateUnderLock(dataSource: DataSource, afterMigrations?: () => Promise<void>): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      // On this connection, whose statement_timeout (the API's bound on one statement) is lifted:
      // a migration may rewrite a large table.
      await runner.query('SET statement_timeout = 0');
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      await runner.query('RESET statement_timeout');
      if (afterMigrations) await afterMigrations();
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
