import { randomUUID } from 'node:crypto';

import { Workbook } from 'exceljs';

import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  gigDayCompleted,
  postPublicWelfareJob,
  publicWelfareContractActivated,
  publish,
  recordPlacement,
  registerSeeker,
} from '../../../../test/builders/placement.builder';
import { DONGGUAN, GUALI, HEKOU, HOUBEI, JINJIANG, NANNING, QIXING } from '../../../../test/builders/regions';

const STATS = `query($region: String, $period: PeriodInput!, $groupBy: StatsGroupBy, $group: String) {
  placementStats(region: $region, period: $period, groupBy: $groupBy, supportGroup: $group) {
    definition regionCode regionName period { from to } previousPeriod { from to }
    total { people placements previousPeople previousPlacements changePercent }
    groups { key label people placements previousPeople changePercent }
  }
}`;

interface Figure {
  key?: string;
  label?: string;
  people: number;
  placements: number;
  previousPeople: number;
  changePercent: number | null;
}
interface Stats {
  placementStats: {
    definition: string;
    regionCode: string | null;
    regionName: string;
    period: { from: string; to: string };
    previousPeriod: { from: string; to: string };
    total: Figure & { previousPlacements: number };
    groups: Figure[];
  };
}

/**
 * A small county built by hand (home villages: 金江村 in 瓜里乡, 猴背村 in 河口瑶族乡):
 * - 李秀英 (LIFTED_OUT, 金江): 2024-03..2024-12 Dongguan; 2025-02-15.. Dongguan (current).
 * - 王强 (MONITORED, 金江): 2025-04..06 in county, then 2025-07.. Guilin (in province).
 * - 赵梅 (no group, 猴背): 2024-05..10 in county; 2025 public-welfare post from a contract.
 * - 陈刚 (LIFTED_OUT, 猴背): 2024-01..02 Nanning; one gig day 2025-03-10 in county.
 */
describe('placementStats', () => {
  let api: TestApp;
  let county: string;
  let guali: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    const li = await registerSeeker(api, county, '李秀英', JINJIANG, ['LIFTED_OUT']);
    const wang = await registerSeeker(api, county, '王强', JINJIANG, ['MONITORED']);
    const zhao = await registerSeeker(api, county, '赵梅', HOUBEI, []);
    const chen = await registerSeeker(api, county, '陈刚', HOUBEI, ['LIFTED_OUT']);
    await recordPlacement(api, county, { jobSeekerId: li, workplaceRegionCode: DONGGUAN, startDate: '2024-03-01', endDate: '2024-12-31' });
    await recordPlacement(api, county, { jobSeekerId: li, workplaceRegionCode: DONGGUAN, startDate: '2025-02-15' });
    await recordPlacement(api, county, { jobSeekerId: wang, workplaceRegionCode: '450329100', startDate: '2025-04-01', endDate: '2025-06-30' });
    await recordPlacement(api, county, { jobSeekerId: wang, workplaceRegionCode: QIXING, startDate: '2025-07-01' });
    await recordPlacement(api, county, { jobSeekerId: zhao, workplaceRegionCode: '450329202', startDate: '2024-05-01', endDate: '2024-10-31' });
    await recordPlacement(api, county, { jobSeekerId: chen, workplaceRegionCode: NANNING, startDate: '2024-01-01', endDate: '2024-02-28' });
    const cleanerPost = await postPublicWelfareJob(api, county);
    const contractId = randomUUID();
    await publish(api, 'contract.activated', contractId, publicWelfareContractActivated(contractId, cleanerPost, zhao), `contract.activated:${contractId}`);
    const bookingId = randomUUID();
    await publish(api, 'gig.booking.completed', bookingId, gigDayCompleted(bookingId, randomUUID(), chen), `gig.booking.completed:${bookingId}`);
  });
  afterAll(() => api.close());

  const stats = async (variables: Record<string, unknown>, token = county) => {
    const result = await api.gql<Stats>(STATS, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.placementStats;
  };
  const byKey = (groups: Figure[]) => Object.fromEntries(groups.map((g) => [g.key, [g.people, g.previousPeople, g.changePercent]]));

  it('counts people, not placements, in the year against the same period last year, with the definition', async () => {
    const result = await stats({ region: '450329', period: { year: 2025 } });
    expect(result.regionName).toBe('资源县');
    expect(result.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(result.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(result.total).toEqual({ people: 4, placements: 5, previousPeople: 3, previousPlacements: 3, changePercent: 33.33 });
    expect(result.definition).toContain('同一人多段务工只计一人');
  });

  it('groups by destination; someone who moved from in-county to in-province work counts in both', async () => {
    const result = await stats({ region: '450329', period: { year: 2025 }, groupBy: 'DESTINATION' });
    expect(result.groups.map((g) => g.label)).toEqual(['县内务工', '区内县外', '区外务工']);
    expect(byKey(result.groups)).toEqual({ IN_COUNTY: [3, 1, 200], IN_PROVINCE: [1, 1, 0], OUT_OF_PROVINCE: [1, 1, 0] });
  });

  it('groups by support group, source, township and month', async () => {
    const groups = await stats({ region: '450329', period: { year: 2025 }, groupBy: 'SUPPORT_GROUP' });
    expect(byKey(groups.groups)).toEqual({ LIFTED_OUT: [2, 2, 0], MONITORED: [1, 0, null], NONE: [1, 1, 0] });
    expect(groups.groups.find((g) => g.key === 'LIFTED_OUT')?.label).toBe('脱贫人口');

    const sources = await stats({ region: '450329', period: { year: 2025 }, groupBy: 'SOURCE' });
    const selfFound = sources.groups.find((g) => g.key === 'SELF_FOUND');
    expect(selfFound).toMatchObject({ label: '自主务工', people: 2, placements: 3, previousPeople: 3, changePercent: -33.33 });
    expect(byKey(sources.groups)).toMatchObject({ PUBLIC_WELFARE: [1, 0, null], GIG: [1, 0, null], CONTRACT: [0, 0, null] });

    const townships = await stats({ region: '450329', period: { year: 2025 }, groupBy: 'TOWNSHIP' });
    expect(townships.groups.map((g) => [g.key, g.label, g.people, g.previousPeople, g.changePercent])).toEqual([
      [GUALI, '瓜里乡', 2, 1, 100],
      [HEKOU, '河口瑶族乡', 2, 2, 0],
    ]);

    const months = await stats({ region: '450329', period: { from: '2025-01-01', to: '2025-04-30' }, groupBy: 'MONTH' });
    expect(months.groups.map((g) => [g.key, g.label, g.people, g.previousPeople])).toEqual([
      ['2025-01', '2025年1月', 1, 1],
      ['2025-02', '2025年2月', 2, 1],
      ['2025-03', '2025年3月', 3, 1],
      ['2025-04', '2025年4月', 3, 1],
    ]);
  });

  it('narrows to one support group: lifted-out people working', async () => {
    const result = await stats({ region: '450329', period: { year: 2025 }, groupBy: 'DESTINATION', group: 'LIFTED_OUT' });
    expect(result.total).toMatchObject({ people: 2, previousPeople: 2, changePercent: 0 });
    expect(byKey(result.groups)).toEqual({ IN_COUNTY: [1, 0, null], IN_PROVINCE: [0, 1, -100], OUT_OF_PROVINCE: [1, 1, 0] });
  });

  it('township staff see only their township, by default and when asking for it, and are refused the county', async () => {
    expect((await stats({ period: { year: 2025 } }, guali)).total).toMatchObject({ people: 2, previousPeople: 1, changePercent: 100 });
    expect((await stats({ region: JINJIANG, period: { year: 2025 } }, guali)).regionName).toContain('金江村');
    const refused = await api.gql(STATS, { region: '450329', period: { year: 2025 } }, guali);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    const seeker = (await api.signedIn(Role.SEEKER)).token;
    expect((await api.gql(STATS, { period: { year: 2025 } }, seeker)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a period that is neither a year nor a valid date range, saying what to fill in', async () => {
    const both = await api.gql(STATS, { period: { year: 2025, from: '2025-01-01', to: '2025-02-01' } }, county);
    expect(both.errors?.[0]).toMatchObject({ message: '统计期请只填年份，或只填起止日期', extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
    const backwards = await api.gql(STATS, { period: { from: '2025-03-01', to: '2025-02-01' } }, county);
    expect(backwards.errors?.[0]).toMatchObject({ message: '截止日期不能早于起始日期', extensions: { code: 'BAD_USER_INPUT', field: 'period.to' } });
    const notADate = await api.gql(STATS, { period: { from: '2025-02-30', to: '2025-03-01' } }, county);
    expect(notADate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.from' });
  });

  it('targets: completion in % with two decimals against what the data counts', async () => {
    const set = async (metric: string, value: number) => {
      const result = await api.gql<{ setTarget: { count: number; target: number; completionPercent: number } }>(
        `mutation($input: SetTargetInput!) { setTarget(input: $input) { count target completionPercent } }`,
        { input: { regionCode: '450329', year: 2025, metric, value } },
        county,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.setTarget;
    };
    expect(await set('IN_COUNTY_PLACEMENTS', 2)).toEqual({ count: 3, target: 2, completionPercent: 150 });
    expect(await set('OUT_OF_PROVINCE_PLACEMENTS', 3)).toEqual({ count: 1, target: 3, completionPercent: 33.33 });
    expect(await set('OUT_OF_PROVINCE_PLACEMENTS', 1)).toEqual({ count: 1, target: 1, completionPercent: 100 });
    expect(await set('PUBLIC_WELFARE_PLACEMENTS', 1)).toEqual({ count: 1, target: 1, completionPercent: 100 });

    const progress = await api.gql<{
      targetProgress: { metric: string; label: string; target: number | null; count: number; completionPercent: number | null }[];
    }>(`query { targetProgress(year: 2025, regionCode: "450329") { metric label target count completionPercent } }`, {}, county);
    const rows = Object.fromEntries(progress.data!.targetProgress.map((p) => [p.metric, [p.target, p.count, p.completionPercent]]));
    expect(rows).toEqual({
      PUBLIC_WELFARE_PLACEMENTS: [1, 1, 100],
      IN_COUNTY_PLACEMENTS: [2, 3, 150],
      IN_PROVINCE_PLACEMENTS: [null, 1, null],
      OUT_OF_PROVINCE_PLACEMENTS: [1, 1, 100],
      LIFTED_OUT_PLACEMENTS: [null, 2, null],
      MONITORED_PLACEMENTS: [null, 1, null],
      NEW_WORKSHOPS: [null, 0, null],
    });

    const outside = await api.gql(
      `mutation($input: SetTargetInput!) { setTarget(input: $input) { count } }`,
      { input: { regionCode: '450329', year: 2025, metric: 'IN_COUNTY_PLACEMENTS', value: 5 } },
      guali,
    );
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    const zero = await api.gql(
      `mutation($input: SetTargetInput!) { setTarget(input: $input) { count } }`,
      { input: { regionCode: GUALI, year: 2025, metric: 'IN_COUNTY_PLACEMENTS', value: 0 } },
      guali,
    );
    expect(zero.errors?.[0]).toMatchObject({ message: '任务数至少为 1', extensions: { code: 'BAD_USER_INPUT' } });
  });

  async function download(query: string, token: string) {
    const response = await fetch(`${api.url}/statistics/placements/export${query}`, { headers: { authorization: `Bearer ${token}` } });
    const workbook = new Workbook();
    if (response.status === 200) await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : (v as string))),
      ),
    );
    return { response, rows };
  }

  it('exports the rows behind a figure as .xlsx under a Chinese file name, masked by default', async () => {
    const { response, rows } = await download('?region=450329&year=2025&groupBy=DESTINATION&key=IN_COUNTY', county);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8\'\'")[1])).toBe('务工台账-资源县-2025-01-01至2025-12-31.xlsx');
    expect(rows[0]).toEqual([
      '姓名',
      '身份证号',
      '手机号',
      '户籍乡镇',
      '户籍村',
      '帮扶类别',
      '务工地类型',
      '务工地区划代码',
      '工作单位',
      '来源',
      '开始日期',
      '结束日期',
      '月收入（元）',
    ]);
    const body = rows.slice(1).sort((a, b) => a[0].localeCompare(b[0], 'zh'));
    expect(body.map((r) => [r[0], r[3], r[4], r[6], r[9], r[10], r[11]])).toEqual([
      ['陈刚', '河口瑶族乡', '猴背村', '县内务工', '零工', '2025-03-10', '2025-03-10'],
      ['王强', '瓜里乡', '金江村', '县内务工', '自主务工', '2025-04-01', '2025-06-30'],
      ['赵梅', '河口瑶族乡', '猴背村', '县内务工', '公益性岗位', '2025-01-01', '2025-12-31'],
    ]);
    for (const row of body) {
      expect(row[1]).toMatch(/^\d{6}\*+\d{4}$|^\d{3,6}\*+[\dX]{2,4}$/);
      expect(row[2]).toContain('*');
    }
    const previous = await download('?region=450329&year=2025&groupBy=DESTINATION&key=IN_COUNTY&previous=true', county);
    expect(previous.rows.slice(1).map((r) => r[0])).toEqual(['赵梅']);
  });

  it('full ID numbers and phones only with full=true, each read logged with its purpose', async () => {
    const { rows } = await download(`?region=450329&year=2025&supportGroup=MONITORED&full=true&purpose=${encodeURIComponent('办理交通补贴')}`, county);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['王强', '王强']);
    expect(rows[1][1]).toMatch(/^450329\d{11}[\dX]$/);
    const [logged] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM personal_data_access WHERE purpose = '办理交通补贴' AND channel = 'GET /statistics/placements/export'`,
    )) as { n: number }[];
    expect(logged.n).toBe(4);
  });

  it('refuses exports outside the caller region and bad group keys with a clear error', async () => {
    const outside = await download('?region=450329&year=2025', guali);
    expect(outside.response.status).toBe(403);
    const badKey = await download('?region=450329&year=2025&groupBy=DESTINATION&key=MARS', county);
    expect(badKey.response.status).toBe(400);
    expect(((await badKey.response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('IN_COUNTY'),
    });
    const anonymous = await fetch(`${api.url}/statistics/placements/export?year=2025`);
    expect(anonymous.status).toBe(401);
  });
});
