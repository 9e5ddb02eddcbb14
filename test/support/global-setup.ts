import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { startEmbeddedPostgres } from '@jobcode/database';

import { adminDatabaseUrl, createScratchDatabase } from '../../apps/api/src/commands/scratch-database';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { type TestState } from './test-state';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * A migrated embedded database, made once: a fresh PGlite folder costs its initdb (≈ 2 s) and
 * the migrations per test file, a copy of this one ≈ 0.3 s. The browser tests and every file
 * under `npm run test:pglite` start from it.
 */
async function createPgliteTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jobcode-test-pglite-template-'));
  const embedded = await startEmbeddedPostgres(dir);
  try {
    const dataSource = new DataSource({ type: 'postgres', url: embedded.url, migrations: MIGRATIONS, migrationsTableName: 'migration', extra: { max: 1 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
  } finally {
    await embedded.stop();
  }
  return dir;
}

/**
 * Tests run against a real PostgreSQL: TEST_DATABASE_URL, DATABASE_URL, or the local
 * server (started here when installed but stopped). Migrations are applied once to a
 * template database; every test file then gets its own copy, dropped afterwards.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = adminDatabaseUrl();
  const forcePglite = process.env.JOBCODE_TEST_PGLITE === '1';
  if (!forcePglite && !(await reachable(adminUrl)) && !process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) {
    try {
      execSync('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', { stdio: 'inherit', shell: '/bin/bash' });
    } catch {
      // reported below
    }
  }
  if (forcePglite || !(await reachable(adminUrl))) {
    if (!forcePglite && (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL)) {
      throw new Error(`No PostgreSQL answers at ${adminUrl.replace(/:[^:@/]+@/, ':***@')} (TEST_DATABASE_URL / DATABASE_URL).`);
    }
    // Last resort on a machine without PostgreSQL: every test file boots its own embedded
    // PostgreSQL (PGlite) in a temporary folder. Slower (a few seconds per file), same SQL.
    const state: TestState = { mode: 'pglite', adminUrl: '', template: '', runId: `pglite_${process.pid}`, pgliteTemplate: await createPgliteTemplate() };
    process.env.JOBCODE_TEST_STATE = JSON.stringify(state);
    console.warn(`\n[test] ${forcePglite ? 'JOBCODE_TEST_PGLITE=1' : 'No PostgreSQL server reachable'}: embedded PGlite, one instance per test file.`);
    return;
  }
  const [template, pgliteTemplate] = await Promise.all([createServerTemplate(adminUrl), createPgliteTemplate()]);
  const state: TestState = { mode: 'server', adminUrl, template: template.name, runId: template.name, pgliteTemplate };
  process.env.JOBCODE_TEST_STATE = JSON.stringify(state);
  console.log(`\n[test] PostgreSQL ${adminUrl.replace(/:[^:@/]+@/, ':***@')}, template database ${template.name}`);
}

async function createServerTemplate(adminUrl: string): Promise<{ name: string }> {
  const template = await createScratchDatabase('jobcode_template', undefined, adminUrl);
  // Migrations only: loading the entities here (outside the test sandboxes) would register
  // GraphQL and TypeORM metadata in the wrong realm when jest runs a single file in-band.
  const dataSource = new DataSource({ type: 'postgres', url: template.url, migrations: MIGRATIONS, migrationsTableName: 'migration' });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return template;
}
