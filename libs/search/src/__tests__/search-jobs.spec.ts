import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { jobInput, POST_JOB, transition } from '../../../../test/builders/job.builder';
import { JobSearchIndexer } from '../indexer/job-search.indexer';

const SEARCH = `query($query: String, $filter: JobSearchFilterInput, $near: GeoPointInput, $sort: JobSearchSort, $first: Int, $after: String) {
  searchJobs(query: $query, filter: $filter, near: $near, sort: $sort, first: $first, after: $after) {
    totalCount approximate engine
    edges { cursor score distanceKm node { id title status employer { name } } }
    pageInfo { hasNextPage endCursor }
    facets { kind { value label count } township { value label count } wageBand { value label count } benefit { value label count } }
  }
}`;

interface SearchResult {
  searchJobs: {
    totalCount: number;
    approximate: boolean;
    engine: string;
    edges: {
      cursor: string;
      score: number;
      distanceKm: number | null;
      node: { id: string; title: string; status: string; employer: { name: string } | null };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: Record<'kind' | 'township' | 'wageBand' | 'benefit', { value: string; label: string; count: number }[]>;
  };
}

describe('searchJobs: Chinese and pinyin search over open jobs, kept in sync through the outbox', () => {
  let api: TestApp;
  let county: string;
  let garments: EmployerFixture;
  let farm: EmployerFixture;
  const ids: Record<string, string> = {};

  const search = async (variables: Record<string, unknown>) => api.gql<SearchResult>(SEARCH, variables);
  const titles = async (variables: Record<string, unknown>) => {
    const result = await search(variables);
    expect(result.errors).toBeUndefined();
    return result.data!.searchJobs.edges.map((e) => e.node.title);
  };
  const post = async (employer: EmployerFixture, key: string, overrides: Record<string, unknown>) => {
    const result = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: employer.employerId, publish: true, ...overrides }) },
      employer.token,
    );
    expect(result.errors).toBeUndefined();
    ids[key] = result.data!.postJob.id;
  };
  const drain = () => api.app.get(OutboxService).drain();

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    garments = await verifiedEmployer(api, county, { name: '资源县华锦服饰扶贫车间' });
    farm = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    await post(garments, 'sewing', {
      title: '缝纫工',
      occupation: '缝纫工',
      description: '车间内操作电动缝纫机，计件工资，多劳多得。',
      wageMin: 3000,
      wageMax: 4500,
      regionCode: '450329100',
      latitude: 26.0425,
      longitude: 110.6383,
      benefits: { board: true, lodging: false, transport: false, socialInsurance: true },
    });
    await post(garments, 'packing', {
      title: '服装包装工',
      occupation: '包装工',
      description: '成衣折叠、装袋，会用缝纫机者优先。',
      wageMin: 2500,
      wageMax: 3000,
      regionCode: '450329100',
      latitude: 26.043,
      longitude: 110.639,
      benefits: { board: false, lodging: false, transport: false, socialInsurance: false },
    });
    await post(farm, 'tomato', {
      title: '番茄采摘工',
      occupation: '采摘工',
      kind: 'PART_TIME',
      wageMin: 120,
      wageMax: 150,
      wageUnit: 'DAY',
      regionCode: '450329103201',
      latitude: 26.0421,
      longitude: 110.9327,
      benefits: { board: true, lodging: true, transport: false, socialInsurance: false },
    });
    await post(farm, 'waiter', {
      title: '餐厅服务员',
      occupation: '服务员',
      description: '农家乐餐厅点菜、传菜、收拾桌面。',
      wageMin: 2200,
      wageMax: 2800,
      regionCode: '450329202201',
      latitude: 25.85,
      longitude: 110.7,
      benefits: { board: true, lodging: false, transport: false, socialInsurance: false },
    });
    await drain();
  });
  afterAll(async () => api?.close());

  it('finds jobs by a Chinese word, preferring a title match over a description match', async () => {
    expect(await titles({ query: '缝纫' })).toEqual(['缝纫工', '服装包装工']);
    expect(await titles({ query: '服务员' })).toEqual(['餐厅服务员']);
  });

  it('finds 缝纫工 by full pinyin, a pinyin prefix and the initials', async () => {
    for (const query of ['fengrengong', 'fengren', 'frg']) expect((await titles({ query }))[0]).toBe('缝纫工');
  });

  it('filters by region subtree, kind, monthly-equivalent wage and benefits, and counts facets', async () => {
    expect(await titles({ filter: { regionCode: '450329103' } })).toEqual(['番茄采摘工']);
    expect(await titles({ filter: { kinds: ['PART_TIME'] } })).toEqual(['番茄采摘工']);
    // 150 a day is 3300 a month: it meets 3200, the 3000-a-month packing job does not.
    expect((await titles({ filter: { minMonthlyWage: 3200 }, sort: 'WAGE' })).sort()).toEqual(['番茄采摘工', '缝纫工'].sort());
    expect((await titles({ filter: { benefits: ['BOARD', 'LODGING'] } })).sort()).toEqual(['番茄采摘工']);

    const all = (await search({})).data!.searchJobs;
    expect(all.totalCount).toBe(4);
    expect(all.approximate).toBe(false);
    expect(all.engine).toBe('postgres');
    expect(all.facets.kind).toEqual(
      expect.arrayContaining([
        { value: 'FULL_TIME', label: '全职', count: 3 },
        { value: 'PART_TIME', label: '兼职', count: 1 },
      ]),
    );
    expect(all.facets.township).toEqual(expect.arrayContaining([{ value: '450329100', label: '资源镇', count: 2 }]));
    expect(all.facets.benefit).toEqual(expect.arrayContaining([{ value: 'BOARD', label: '包吃', count: 3 }]));
    expect(all.facets.wageBand.map((b) => b.value)).toEqual(['2000_3000', '3000_4000', '4000_5000']);
  });

  it('sorts by distance from a point and reports each hit’s distance', async () => {
    const result = (await search({ near: { lat: 26.0425, lng: 110.6383 }, sort: 'DISTANCE', filter: { withinKm: 5 } })).data!.searchJobs;
    expect(result.edges.map((e) => e.node.title)).toEqual(['缝纫工', '服装包装工']);
    expect(result.edges[0].distanceKm).toBe(0);
    expect(result.edges[1].distanceKm).toBeGreaterThan(0);
    expect(result.edges[1].distanceKm).toBeLessThan(1);
  });

  it('pages with an opaque cursor without repeating or skipping a job', async () => {
    const first = (await search({ sort: 'NEWEST', first: 3 })).data!.searchJobs;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await search({ sort: 'NEWEST', first: 3, after: first.pageInfo.endCursor })).data!.searchJobs;
    expect(second.pageInfo.hasNextPage).toBe(false);
    const seen = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(seen).size).toBe(4);
  });

  it('refuses a bad region, a distance filter without a point and a forged cursor, in Chinese', async () => {
    const region = await search({ filter: { regionCode: '450329999' } });
    expect(region.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const within = await search({ filter: { withinKm: 3 } });
    expect(within.errors?.[0]).toMatchObject({ message: '按距离筛选（withinKm）需要同时提供位置（near）', extensions: { code: 'BAD_USER_INPUT' } });
    const cursor = await search({ after: 'not-a-cursor' });
    expect(cursor.errors?.[0]).toMatchObject({ message: '分页参数 after 无效，请从第一页重新开始', extensions: { code: 'BAD_USER_INPUT' } });
    const wage = await search({ filter: { minMonthlyWage: -1 } });
    expect(wage.errors?.[0]).toMatchObject({ message: '最低月工资应在 0 到 100000 元之间', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('drops a closed or paused job from results once the outbox is drained, and brings a resumed one back', async () => {
    await api.gql(transition('closeJob'), { input: { jobId: ids.packing } }, garments.token);
    await api.gql(transition('pauseJob'), { input: { jobId: ids.waiter } }, farm.token);
    await drain();
    expect(await titles({ query: '缝纫' })).toEqual(['缝纫工']);
    expect(await titles({ query: '服务员' })).toEqual([]);
    await api.gql(transition('resumeJob'), { input: { jobId: ids.waiter } }, farm.token);
    await drain();
    expect(await titles({ query: 'fuwuyuan' })).toEqual(['餐厅服务员']);
  });

  it('indexes an edited title, and rebuilds the whole index on reindex', async () => {
    const updated = await api.gql(
      `mutation($input: UpdateJobInput!) { updateJob(input: $input) { id } }`,
      {
        input: {
          ...Object.fromEntries(
            Object.entries(jobInput({ title: '西红柿采摘工', regionCode: '450329103201' })).filter(([k]) => !['publish', 'employerId', 'kind'].includes(k)),
          ),
          jobId: ids.tomato,
        },
      },
      farm.token,
    );
    expect(updated.errors).toBeUndefined();
    await drain();
    expect(await titles({ query: '西红柿' })).toEqual(['西红柿采摘工']);
    expect(await titles({ query: 'xhs' })).toEqual(['西红柿采摘工']);

    await api.dataSource.query('DELETE FROM job_search_document');
    expect(await titles({})).toEqual([]);
    expect(await api.app.get(JobSearchIndexer).reindex()).toBe(3);
    expect((await titles({})).sort()).toEqual(['缝纫工', '西红柿采摘工', '餐厅服务员'].sort());
  });
});
