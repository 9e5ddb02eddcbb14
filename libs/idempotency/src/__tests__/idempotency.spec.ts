import { Role } from '@jobcode/common';

import { IdempotencyService } from '../idempotency.service';

import { startTestApp, type GraphQLResponse, type TestApp } from '../../../../test/support/test-app';
import { onServer } from '../../../../test/support/test-state';
import { stationInput as station } from '../../../../test/builders/station.builder';

const CREATE_STATION = `mutation Create($input: CreateGigStationInput!) { createGigStation(input: $input) { id name } }`;
const stationInput = (name: string, overrides: Record<string, unknown> = {}) => station({ name, ...overrides });

interface Sent {
  body: GraphQLResponse<{ createGigStation: { id: string; name: string } | null }>;
  replayed: boolean;
  status: number;
}

async function send(
  api: TestApp,
  token: string | undefined,
  key: string | undefined,
  variables: Record<string, unknown>,
  query = CREATE_STATION,
): Promise<Sent> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as Sent['body'], replayed: response.headers.get('idempotent-replayed') === 'true', status: response.status };
}

const stationsNamed = async (api: TestApp, name: string) =>
  Number(((await api.dataSource.query('SELECT count(*)::int AS n FROM gig_station WHERE name = $1', [name])) as { n: number }[])[0].n);

describe('idempotency keys on mutations (Stripe semantics)', () => {
  let api: TestApp;
  let staff: string;
  let staffAccountId: string;

  beforeAll(async () => {
    api = await startTestApp();
    ({ token: staff, accountId: staffAccountId } = await api.signedIn(Role.STAFF, '450329'));
  });
  afterAll(async () => api?.close());

  it('replays the first answer to the same request with the same key, creating once', async () => {
    const input = { input: stationInput('幂等零工站甲') };
    const first = await send(api, staff, 'key-a-0001', input);
    const again = await send(api, staff, 'key-a-0001', input);
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(first.body);
    expect(await stationsNamed(api, '幂等零工站甲')).toBe(1);
  });

  it('refuses the same key with a different request', async () => {
    await send(api, staff, 'key-b-0001', { input: stationInput('幂等零工站乙') });
    const other = await send(api, staff, 'key-b-0001', { input: stationInput('幂等零工站乙二') });
    expect(other.status).toBe(409);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.body.errors?.[0]?.message).toContain('另一个请求');
    expect(await stationsNamed(api, '幂等零工站乙二')).toBe(0);
  });

  it('without a key every request runs', async () => {
    const input = { input: stationInput('无键零工站') };
    await send(api, staff, undefined, input);
    await send(api, staff, undefined, input);
    expect(await stationsNamed(api, '无键零工站')).toBe(2);
  });

  it('does not keep an answer that changed nothing: a refused request may be corrected and sent again with its key', async () => {
    const refused = await send(api, staff, 'key-c-0001', { input: stationInput('幂等零工站丙', { level: 'VILLAGE' }) });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const corrected = await send(api, staff, 'key-c-0001', { input: stationInput('幂等零工站丙') });
    expect(corrected.body.errors).toBeUndefined();
    expect(corrected.replayed).toBe(false);
    expect(await stationsNamed(api, '幂等零工站丙')).toBe(1);
  });

  it('scopes keys to the account: the same key from another account is another request', async () => {
    const other = (await api.signedIn(Role.STAFF, '450329')).token;
    await send(api, staff, 'shared-key-0001', { input: stationInput('幂等零工站丁') });
    const theirs = await send(api, other, 'shared-key-0001', { input: stationInput('幂等零工站丁') });
    expect(theirs.replayed).toBe(false);
    expect(await stationsNamed(api, '幂等零工站丁')).toBe(2);
  });

  it('refuses a malformed key and ignores keys on queries', async () => {
    const bad = await send(api, staff, 'has space', { input: stationInput('幂等零工站戊') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_IDEMPOTENCY_KEY' });
    expect(await stationsNamed(api, '幂等零工站戊')).toBe(0);
    const query = await send(api, staff, 'key-q-0001', {}, '{ __typename }');
    expect(query.body).toEqual({ data: { __typename: 'Query' } });
    expect(await api.dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = 'key-q-0001'`)).toHaveLength(0);
  });

  it('keeps the stored answer encrypted', async () => {
    await send(api, staff, 'key-e-0001', { input: stationInput('加密零工站') });
    const [row] = (await api.dataSource.query(`SELECT response FROM idempotency_key WHERE key = 'key-e-0001'`)) as { response: string }[];
    expect(row.response).not.toContain('加密零工站');
    expect(row.response).toMatch(/^v1\./);
  });

  it('lets an expired key (older than 24 hours) be used afresh', async () => {
    await send(api, staff, 'key-x-0001', { input: stationInput('过期键零工站') });
    await api.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = 'key-x-0001'`);
    const afresh = await send(api, staff, 'key-x-0001', { input: stationInput('过期键零工站二') });
    expect(afresh.body.errors).toBeUndefined();
    expect(afresh.replayed).toBe(false);
  });

  it('keeps the answer of a request that wrote something before failing: a retry does not write it again', async () => {
    const twoStations = `mutation Two($a: CreateGigStationInput!, $b: CreateGigStationInput!) {
      a: createGigStation(input: $a) { id name }
      b: createGigStation(input: $b) { id name }
    }`;
    const variables = { a: stationInput('部分成功零工站'), b: stationInput('部分成功零工站乙', { level: 'VILLAGE' }) };
    const first = await send(api, staff, 'key-p-0001', variables, twoStations);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const retry = await send(api, staff, 'key-p-0001', variables, twoStations);
    expect(retry.replayed).toBe(true);
    expect(retry.body).toEqual(first.body);
    expect(await stationsNamed(api, '部分成功零工站')).toBe(1);
  });

  it('a request refused by another check (too costly) before running leaves its key free', async () => {
    const strict = await startTestApp({ GRAPHQL_MAX_COST: '10' }, { databaseUrl: api.databaseUrl });
    try {
      const costly = `mutation Create($input: CreateGigStationInput!) {
        createGigStation(input: $input) { id name address latitude longitude openingHours region { code name fullName parent { code name fullName } } }
      }`;
      const refused = await send(strict, staff, 'key-k-0001', { input: stationInput('太贵零工站') }, costly);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
      expect(refused.status).toBe(400);
      expect(await api.dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = 'key-k-0001'`)).toHaveLength(0);
      const fine = await send(strict, staff, 'key-k-0001', { input: stationInput('太贵零工站') });
      expect(fine.body.errors).toBeUndefined();
      expect(await stationsNamed(api, '太贵零工站')).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('never stores or replays sign-in, token or password answers', async () => {
    const [count] = (await api.dataSource.query('SELECT count(*)::int AS n FROM idempotency_key')) as { n: number }[];
    // Its own session: renewing retires the token it replaces.
    const own = (await api.signedIn(Role.STAFF, '450329')).token;
    const renewed = await send(api, own, 'key-t-0001', {}, 'mutation { renewToken { accessToken } }');
    const again = await send(api, own, 'key-t-0001', {}, 'mutation { renewToken { accessToken } }');
    expect(again.replayed).toBe(false);
    expect(renewed.body.errors).toBeUndefined();
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM idempotency_key')).toEqual([count]);
  });

  onServer.it('two API processes racing on one key create once; every answer is the created record or "still in progress"', async () => {
    const second = await startTestApp({}, { databaseUrl: api.databaseUrl });
    try {
      const input = { input: stationInput('并发幂等零工站') };
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? second : api, staff, 'race-key-0001', input)));
      expect(await stationsNamed(api, '并发幂等零工站')).toBe(1);
      const ids = new Set<string>();
      for (const answer of answers) {
        if (answer.body.errors) expect(answer.body.errors[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
        else ids.add(answer.body.data!.createGigStation!.id);
      }
      expect(ids.size).toBe(1);
      const later = await send(second, staff, 'race-key-0001', input);
      expect(later.replayed).toBe(true);
      expect(later.body.data?.createGigStation?.id).toBe([...ids][0]);
    } finally {
      await second.close();
    }
  });

  describe('a process that dies while holding a key (issue 14, item 5)', () => {
    const row = async (key: string) =>
      (
        (await api.dataSource.query('SELECT status, work_committed FROM idempotency_key WHERE account_id = $1 AND key = $2', [staffAccountId, key])) as {
          status: string;
          work_committed: boolean;
        }[]
      )[0];
    /** What a process leaves behind when it is killed after claiming `key` for this request: a lease that is no longer renewed. */
    const abandon = async (key: string, variables: Record<string, unknown>, workCommitted: boolean) => {
      const service = api.app.get(IdempotencyService);
      expect((await service.claim({ accountId: staffAccountId, key, operationName: null, query: CREATE_STATION, variables })).kind).toBe('claimed');
      await api.dataSource.query(
        `UPDATE idempotency_key SET lease_expires_at = now() - interval '1 second', work_committed = $3 WHERE account_id = $1 AND key = $2`,
        [staffAccountId, key, workCommitted],
      );
    };

    it('marks the key inside the transaction that did the work', async () => {
      const done = await send(api, staff, 'key-crash-0001', { input: stationInput('幂等零工站租约甲') });
      expect(done.body.errors).toBeUndefined();
      expect(await row('key-crash-0001')).toEqual({ status: 'DONE', work_committed: true });
    });

    it('lets the same request claim a key again once the dead process’s lease lapsed with nothing committed', async () => {
      const variables = { input: stationInput('幂等零工站租约乙') };
      await abandon('key-crash-0002', variables, false);
      const retried = await send(api, staff, 'key-crash-0002', variables);
      expect(retried.status).toBe(200);
      expect(retried.body.errors).toBeUndefined();
      expect(retried.body.data?.createGigStation?.name).toBe('幂等零工站租约乙');
      expect(await stationsNamed(api, '幂等零工站租约乙')).toBe(1);
      const replayed = await send(api, staff, 'key-crash-0002', variables);
      expect(replayed.replayed).toBe(true);
    });

    it('does not run again work that committed before the crash: the answer is unknown, and says so', async () => {
      const variables = { input: stationInput('幂等零工站租约丙') };
      await abandon('key-crash-0003', variables, true);
      const retried = await send(api, staff, 'key-crash-0003', variables);
      expect(retried.status).toBe(409);
      expect(retried.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
      expect(retried.body.errors?.[0].message).toContain('结果未知');
      expect(await stationsNamed(api, '幂等零工站租约丙')).toBe(0);
    });
  });
});
