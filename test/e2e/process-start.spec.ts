import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { createScratchDatabase } from '../../apps/api/src/commands/scratch-database';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { buildOnce, freePort, spawnApi, type SpawnedApi } from '../support/spawn-api';
import { testState } from '../support/test-state';

async function gql(
  port: number,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

describe('npm start with no settings: embedded PostgreSQL (PGlite) in a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcode-embedded-'));
  const running: SpawnedApi[] = [];
  const start = (env: Record<string, string>) => {
    const api = spawnApi({ DATA_DIR: dataDir, NODE_ENV: 'development', ...env });
    running.push(api);
    return api;
  };

  beforeAll(() => buildOnce());
  afterAll(async () => {
    for (const api of running) await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves GraphQL and /health, refuses a second process on the folder, and keeps data across a restart', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port) });
    const coldStart = Date.now();
    await first.ready();
    console.log(`cold start on a new embedded data folder: ${Date.now() - coldStart} ms to ready`);
    expect(first.output()).toContain('Database: embedded PostgreSQL (PGlite)');
    expect(first.output()).toMatch(/First ADMIN account created: phone 13800000000, one-time password \S+/);

    expect(await gql(port, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toMatchObject({ status: 'ok', database: 'up', embedded: true });
    // A write that must survive the restart: the first admin replaces the one-time password.
    const oneTime = /one-time password (\S+)/.exec(first.output())?.[1];
    const firstSignIn = await gql(port, `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { phone: '13800000000', password: oneTime },
    });
    const token = (firstSignIn.data as { signIn: { accessToken: string } }).signIn.accessToken;
    const changed = await gql(
      port,
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`,
      { i: { currentPassword: oneTime, newPassword: 'Keep1tSafe' } },
      token,
    );
    expect(changed.errors).toBeUndefined();

    const second = start({ PORT: String(await freePort()) });
    expect(await second.exited()).toBe(1);
    expect(second.output()).toContain('is already in use by process');

    await first.stop();
    const again = start({ PORT: String(port) });
    const warmStart = Date.now();
    await again.ready();
    console.log(`start on an existing embedded data folder: ${Date.now() - warmStart} ms to ready`);
    expect(again.output()).not.toContain('First ADMIN account created');
    const signIn = await gql(port, `mutation { signIn(input: { phone: "13800000000", password: "Keep1tSafe" }) { account { role } } }`);
    expect(signIn.data).toEqual({ signIn: { account: { role: 'ADMIN' } } });
    await again.stop();
  }, 300_000);

  it('refuses to boot on a wrong setting, naming it', async () => {
    const bad = start({ PORT: 'abc', GRAPHQL_MAX_DEPTH: '1' });
    expect(await bad.exited()).toBe(1);
    expect(bad.output()).toContain('PORT="abc": must be an integer between 1 and 65535');
    expect(bad.output()).toContain('GRAPHQL_MAX_DEPTH="1": must be an integer from 2 to 50');
  });
});

const serverOnly = process.env.JOBCODE_TEST_STATE?.includes('"mode":"server"') ? describe : describe.skip;

serverOnly('several API processes on one PostgreSQL server (skipped on the PGlite fallback: it serves one process)', () => {
  beforeAll(() => buildOnce());

  it('boot together on an empty database: migrations and the first admin happen once', async () => {
    const database = await createTestDatabaseWithoutMigrations();
    const env = { DATABASE_URL: database.url, NODE_ENV: 'development', DATA_DIR: mkdtempSync(join(tmpdir(), 'jobcode-replica-')) };
    const replicas = [spawnApi({ ...env, PORT: String(await freePort()) }), spawnApi({ ...env, PORT: String(await freePort()) })];
    try {
      await Promise.all(replicas.map((r) => r.ready()));
      const admins = replicas.filter((r) => r.output().includes('First ADMIN account created')).length;
      expect(admins).toBe(1);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ admins: number; migrations: number }>(
        `SELECT (SELECT count(*)::int FROM account WHERE role = 'ADMIN') AS admins, (SELECT count(*)::int FROM migration) AS migrations`,
      );
      await client.end();
      expect(rows[0]).toEqual({ admins: 1, migrations: MIGRATIONS.length });
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await database.drop();
    }
  }, 300_000);
});

serverOnly('what npm start prints for the demo (skipped on the PGlite fallback)', () => {
  beforeAll(() => buildOnce());

  it('npm run demo on a new database shows the one-time password of the first ADMIN it created', async () => {
    const database = await createTestDatabaseWithoutMigrations();
    const env = { DATABASE_URL: database.url, NODE_ENV: 'development', DATA_DIR: mkdtempSync(join(tmpdir(), 'jobcode-demo-admin-')) };
    const demo = spawnApi(env, 'dist/apps/api/src/commands/demo.js');
    try {
      const started = Date.now();
      while (!/First ADMIN account created: phone 13800000000, one-time password \S+/.test(demo.output())) {
        if (demo.process.exitCode !== null || Date.now() - started > 240_000) throw new Error(`no one-time password printed:\n${demo.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const password = /one-time password (\S+)/.exec(demo.output())![1];
      await demo.stop();
      // The password shown is the one that works (and must be changed).
      const api = spawnApi({ ...env, PORT: String(await freePort()) });
      await api.ready();
      const port = Number(/localhost:(\d+)\/graphql/.exec(api.output())?.[1]);
      const signIn = await gql(port, `mutation($p: String!) { signIn(input: { phone: "13800000000", password: $p }) { account { setupRequired } } }`, {
        p: password,
      });
      await api.stop();
      expect(signIn.errors).toBeUndefined();
      expect(signIn.data).toEqual({ signIn: { account: { setupRequired: expect.any(String) } } });
    } finally {
      await demo.stop();
      await database.drop();
    }
  }, 300_000);

  it('prints the demo scan links under its own PORT or PUBLIC_URL, not those of the run that issued them', async () => {
    const database = await createTestDatabaseWithoutMigrations();
    const env = { DATABASE_URL: database.url, NODE_ENV: 'development', DATA_DIR: mkdtempSync(join(tmpdir(), 'jobcode-demo-links-')) };
    try {
      const first = spawnApi({ ...env, PORT: String(await freePort()) });
      await first.ready();
      expect(first.output()).not.toContain('Demo scan links');
      await first.stop();
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ token: string }>(
        `WITH a AS (SELECT id FROM account WHERE role = 'ADMIN' LIMIT 1),
              s AS (INSERT INTO gig_station (name, level, region_code, address, latitude, longitude, opening_hours, created_by)
                    SELECT '瓜里乡零工驿站', 'TOWNSHIP', '450329103', '瓜里乡政府旁', 26.0, 110.6, '8:00-18:00', a.id FROM a RETURNING id, created_by)
         INSERT INTO service_code (token, target_kind, target_id, region_code, label, issued_by)
         SELECT 'DemoToken1234567890abc', 'GIG_STATION', s.id, '450329103', '演示', s.created_by FROM s RETURNING token`,
      );
      await client.end();
      const port = await freePort();
      const second = spawnApi({ ...env, PORT: String(port) });
      await second.ready();
      await second.stop();
      expect(second.output()).toContain(`http://localhost:${port}/c/${rows[0].token}  瓜里乡零工驿站`);
      const third = spawnApi({ ...env, PORT: String(await freePort()), PUBLIC_URL: 'https://jobs.example.gov.cn/' });
      await third.ready();
      await third.stop();
      expect(third.output()).toContain(`https://jobs.example.gov.cn/c/${rows[0].token}`);
      expect(third.output()).not.toContain('First ADMIN account created');
    } finally {
      await database.drop();
    }
  }, 300_000);
});

async function createTestDatabaseWithoutMigrations() {
  const state = testState();
  return createScratchDatabase(`${state.runId}_t`, undefined, state.adminUrl);
}
