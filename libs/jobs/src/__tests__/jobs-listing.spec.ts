import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { employerInput, REGISTER_EMPLOYER } from '../../../../test/builders/employer.builder';
import { jobInput, POST_JOB } from '../../../../test/builders/job.builder';

const LIST = `query($first: Int, $after: String, $stationId: ID, $regionCode: String, $kind: JobKind) {
  jobs(first: $first, after: $after, stationId: $stationId, regionCode: $regionCode, kind: $kind) {
    edges { cursor node { id title kind employer { name contactPhone } source { __typename ... on GigStation { name } ... on Workshop { name } ... on JobFair { name } } shifts { slots } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListResult {
  jobs: {
    edges: {
      cursor: string;
      node: {
        id: string;
        title: string;
        kind: string;
        employer: { name: string; contactPhone: string } | null;
        source: { __typename: string; name: string } | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

describe('jobs: reading lists', () => {
  let api: TestApp;
  let county: string;
  let stationIds: string[];

  /**
   * Counts the SQL statements the app sends for `work` while it runs — not those of the
   * background loops (outbox, scan-event batches, job expiry), which on a slow database may
   * happen to run at the same time.
   */
  async function countQueries(work: () => Promise<unknown>): Promise<number> {
    const runner = api.dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    let count = 0;
    proto.query = function (this: unknown, ...args: unknown[]) {
      if (!/outbox|scan_event|EXPIRED|pg_notify|LISTEN/i.test(String(args[0]))) count += 1;
      return original.apply(this, args);
    };
    try {
      await work();
    } finally {
      proto.query = original;
    }
    return count;
  }

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    const employerIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await api.gql<{ registerEmployer: { id: string } }>(
        REGISTER_EMPLOYER,
        { input: employerInput({ name: `资源县第${i + 1}号种养合作社` }) },
        county,
      );
      employerIds.push(created.data!.registerEmployer.id);
    }
    stationIds = [];
    for (const [regionCode, name] of [
      ['450329103', '瓜里乡零工中心'],
      ['450329101', '中峰镇零工中心'],
    ]) {
      const station = await api.gql<{ createGigStation: { id: string } }>(
        `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id } }`,
        { input: { name, level: 'TOWNSHIP', regionCode, address: '党群服务中心', latitude: 26.05, longitude: 110.65, openingHours: '每天 7:00–18:00' } },
        county,
      );
      stationIds.push(station.data!.createGigStation.id);
    }
    for (let i = 0; i < 55; i++) {
      const gig = i % 2 === 0;
      const posted = await api.gql(
        POST_JOB,
        {
          input: jobInput({
            employerId: employerIds[i % employerIds.length],
            title: `岗位${i + 1}`,
            kind: gig ? 'GIG' : 'FULL_TIME',
            wageUnit: gig ? 'DAY' : 'MONTH',
            wageMin: gig ? 120 : 3000,
            wageMax: gig ? 160 : 4000,
            stationId: stationIds[i % 2],
            publish: true,
          }),
        },
        county,
      );
      if (posted.errors) throw new Error(JSON.stringify(posted.errors));
    }
    // Posting publishes job.changed; let the search indexer and alerts finish so their SQL is not counted below.
    await api.app.get(OutboxService).drain();
  });
  afterAll(async () => api?.close());

  it('lists 50 jobs with employers, sources and shifts in as many SQL statements as 5', async () => {
    let result: { data?: ListResult | null } = {};
    const five = await countQueries(() => api.gql<ListResult>(LIST, { first: 5 }));
    const fifty = await countQueries(async () => {
      result = await api.gql<ListResult>(LIST, { first: 50 });
    });
    expect(result.data?.jobs.edges).toHaveLength(50);
    expect(result.data?.jobs.edges[0].node.employer?.name).toMatch(/^资源县第\d+号种养合作社$/);
    expect(result.data?.jobs.edges[0].node.employer?.contactPhone).toBe('138****1234');
    expect(result.data?.jobs.edges[0].node.source?.__typename).toBe('GigStation');
    expect(fifty).toBe(five);
    // list + its total (totalCount) + employers + stations + shifts: one statement each.
    expect(fifty).toBeLessThanOrEqual(5);
  });

  it('pages with cursors without gaps or repeats, and clamps the page size', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await api.gql<ListResult>(LIST, { first: 20, after });
      seen.push(...page.data!.jobs.edges.map((e) => e.node.id));
      if (!page.data!.jobs.pageInfo.hasNextPage) break;
      after = page.data!.jobs.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(55);
    // Every page says how many there are in all, the last one too.
    const totals = await api.gql<{ jobs: { totalCount: number } }>(`query($after: String) { jobs(first: 20, after: $after) { totalCount } }`, { after });
    expect(totals.data?.jobs.totalCount).toBe(55);
    const capped = await api.gql<{ jobs: { edges: unknown[] } }>(`{ jobs(first: 1000) { edges { node { id } } } }`);
    expect(capped.data?.jobs.edges).toHaveLength(55);
    const bad = await api.gql(`{ jobs(first: 0) { edges { node { id } } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by station, region subtree and kind', async () => {
    const atStation = await api.gql<ListResult>(LIST, { first: 100, stationId: stationIds[1] });
    expect(atStation.data?.jobs.edges).toHaveLength(27);
    expect(new Set(atStation.data?.jobs.edges.map((e) => e.node.source?.name))).toEqual(new Set(['中峰镇零工中心']));
    const inVillage = await api.gql<ListResult>(LIST, { first: 100, regionCode: '450329103201', kind: 'GIG' });
    expect(inVillage.data?.jobs.edges).toHaveLength(28);
    const elsewhere = await api.gql<ListResult>(LIST, { first: 100, regionCode: '450329202' });
    expect(elsewhere.data?.jobs.edges).toHaveLength(0);
    const station = await api.gql<{ gigStation: { jobs: { edges: unknown[] } } }>(
      `query($id: ID!) { gigStation(id: $id) { jobs(first: 100) { edges { cursor } } } }`,
      {
        id: stationIds[0],
      },
    );
    expect(station.data?.gigStation.jobs.edges).toHaveLength(28);
  });
});
