import { loadDemo } from '../../apps/api/src/commands/demo-steps';
import { DEMO_PASSWORD } from '../../apps/api/src/commands/demo-sign-ins';
import { startTestApp, type TestApp } from '../support/test-app';

/** `npm run demo` as a new user meets it: loads once, a second run adds nothing, its sign-ins and scan links work. */
describe('demo data set', () => {
  let api: TestApp;
  const first: string[] = [];
  const second: string[] = [];

  beforeAll(async () => {
    // As `npm run demo` runs it: a bulk load without the API's statement_timeout.
    api = await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '0' });
    await loadDemo(api.app, (line) => first.push(line));
    await loadDemo(api.app, (line) => second.push(line));
  }, 900_000);
  afterAll(async () => api?.close());

  const line = (lines: string[], step: string) => lines.find((l) => l.startsWith(`demo: ${step}:`)) ?? '';

  it('loads every step, and a second run finds everything already there', async () => {
    const created = Number(/^demo: job seekers: (\d+) created, 0 already there/.exec(line(first, 'job seekers'))?.[1]);
    expect(created).toBeGreaterThan(2900);
    expect(line(second, 'job seekers')).toMatch(new RegExp(`^demo: job seekers: 0 created, ${created} already there`));
    expect(line(first, 'placements')).toMatch(/^demo: placements: \d{3,} placements for/);
    for (const step of ['employers', 'job sources', 'jobs', 'gig bookings', 'placements']) expect(line(second, step)).toContain('already');
    const counts = async () =>
      (await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM job) AS jobs, (SELECT count(*)::int FROM application) AS applications, (SELECT count(*)::int FROM account) AS accounts`,
      )) as unknown[];
    const before = await counts();
    await loadDemo(api.app, () => undefined);
    expect(await counts()).toEqual(before);
  }, 600_000);

  it('prints sign-ins that work and scan links that open', async () => {
    const printed = line(second, 'sign-ins');
    for (const phone of ['13900000001', '13900000002', '13900000003', '13900000004']) {
      expect(printed).toContain(phone);
      const signIn = await api.gql<{ signIn: { account: { setupRequired: string | null } } }>(
        `mutation($i: SignInInput!) { signIn(input: $i) { account { setupRequired } } }`,
        { i: { phone, password: DEMO_PASSWORD } },
      );
      expect(signIn.data?.signIn.account.setupRequired).toBeNull();
    }
    const county = await api.gql<{ signIn: { accessToken: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { phone: '13900000001', password: DEMO_PASSWORD },
    });
    const dashboard = await api.gql<{ placementStats: { total: { people: number } }; workshopStats: { total: { peopleEmployed: number } } }>(
      `{ placementStats(period: { year: 2026 }) { total { people } } workshopStats(period: { year: 2026 }) { total { peopleEmployed } } }`,
      {},
      county.data?.signIn.accessToken,
    );
    expect(dashboard.data?.placementStats.total.people).toBeGreaterThan(500);
    expect(dashboard.data?.workshopStats.total.peopleEmployed).toBeGreaterThan(10);
    const tokens = [...printed.matchAll(/\/c\/([1-9A-HJ-NP-Za-km-z]+)/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(3);
    const scanned = await api.gql<{ scan: { __typename: string; openJobCount?: number } }>(
      `query($t: String!) { scan(token: $t) { __typename ... on GigStationScan { openJobCount } } }`,
      { t: tokens[0] },
    );
    expect(scanned.data?.scan.__typename).toBe('GigStationScan');
    expect(scanned.data?.scan.openJobCount).toBeGreaterThan(0);
  });
});
