import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { Role } from '@jobcode/common';

import { loadAppConfig } from '../../apps/api/src/bootstrap/config';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { account, nextPhone, TEST_PASSWORD } from '../builders/account.builder';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_SECRETS } from './test-secrets';

// Re-exported where specs have always found them.
export { nextPhone, TEST_PASSWORD, TEST_SECRETS };

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; reason?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  dataSource: DataSource;
  databaseUrl: string;
  /** POSTs a GraphQL operation as a client would, optionally with a bearer token. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Creates an account of a role directly and signs it in over HTTP; returns its token and id. */
  signedIn(role: Role, regionCode?: string | null, name?: string): Promise<{ token: string; accountId: string; phone: string }>;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /**
   * Boot on this existing database (another test app's `databaseUrl`: two API processes on
   * one PostgreSQL server) instead of a fresh one; it is not dropped on close.
   */
  databaseUrl?: string;
}

/** Boots the whole API on a fresh copy of the migrated database (or a given one), listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}, options: StartTestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = options.databaseUrl
    ? { url: options.databaseUrl, poolSize: 10, embedded: false, drop: async () => undefined }
    : await createTestDatabase();
  const config = loadAppConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: '/tmp/jobcode-test', ...env });
  const { app } = await createApp({
    config,
    secrets: TEST_SECRETS,
    database: { url: database.url, embedded: database.embedded, poolSize: database.poolSize, description: 'test', stop: async () => undefined },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;

  const gql: TestApp['gql'] = async (query, variables, token, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };

  const signedIn: TestApp['signedIn'] = async (role, regionCode = null, name = '测试用户') => {
    const { accountId, phone } = await account(app, role, regionCode, name);
    const result = await gql<{ signIn: { accessToken: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { phone, password: TEST_PASSWORD },
    });
    if (!result.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return { token: result.data.signIn.accessToken, accountId, phone };
  };

  return {
    app,
    url,
    dataSource: app.get(DataSource),
    databaseUrl: database.url,
    gql,
    signedIn,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
