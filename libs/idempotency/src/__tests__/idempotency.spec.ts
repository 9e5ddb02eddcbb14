import { Role } from '@jobcode/common';

import { startTestApp, type GraphQLResponse, type TestApp } from '../../../../test/support/test-app';

const CREATE_STATION = `mutation Create($input: CreateGigStationInput!) { createGigStation(input: $input) { id name } }`;
const stationInput = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  level: 'TOWNSHIP',
  regionCode: '450329103',
  address: '瓜里乡党群服务中心一楼',
  latitude: 26.0512,
  longitude: 110.6498,
  openingHours: '每天 7:00–18:00',
  ...overrides,
});

interface Sent {
  body: GraphQLResponse<{ createGigStation: { id: string; name: string } | null }>;
  replayed: boolean;
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
  return { body: (await response.json()) as Sent['body'], replayed: response.headers.get('idempotent-replayed') === 'true' };
}

const stationsNamed = async (api: TestApp, name: string) =>
  Number(((await api.dataSource.query('SELECT count(*)::int AS n FROM gig_station WHERE name = $1', [name])) as { n: number }[])[0].n);

describe('idempotency keys on mutations (Stripe semantics)', () => {
  let api: TestApp;
  let staff: string;

  beforeAll(async () => {
    api = await startTestApp();
    staff = (await api.signedIn(Role.STAFF, '450329')).token;
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

  it('two API processes racing on one key create once; every answer is the created record or "still in progress"', async () => {
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
});
