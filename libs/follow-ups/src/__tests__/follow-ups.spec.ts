import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { daysFromToday } from '../../../../test/builders/job.builder';
import { recordPlacement, registerSeeker } from '../../../../test/builders/placement.builder';
import { GUALI, HOUBEI, JINJIANG } from '../../../../test/builders/regions';

const DUE = `query($region: String, $within: Int, $overdueOnly: Boolean) {
  followUpsDue(regionCode: $region, withinDays: $within, overdueOnly: $overdueOnly) { totalCount edges { node { name dueOn overdue daysOverdue lastFollowUpOn } } }
}`;
const AT_RISK = `query($region: String) { monitoredWithoutWork(regionCode: $region) { edges { node { name villageName supportGroups laborCapacity lastFollowUpOn daysSinceLastFollowUp } } } }`;
const RECORD = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id visitedOn way stillEmployed needs } }`;

type Due = { name: string; dueOn: string; overdue: boolean; daysOverdue: number; lastFollowUpOn: string | null };

describe('follow-ups', () => {
  let api: TestApp;
  let county: string;
  let guali: string;
  let li: string;
  let chen: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    li = await registerSeeker(api, county, '李秀英', JINJIANG, ['LIFTED_OUT']);
    const wang = await registerSeeker(api, county, '王强', JINJIANG, ['MONITORED']);
    const zhang = await registerSeeker(api, county, '张兰', JINJIANG, ['LIFTED_OUT']);
    const zhao = await registerSeeker(api, county, '赵梅', HOUBEI, []);
    chen = await registerSeeker(api, county, '陈刚', HOUBEI, ['MONITORED']);
    const liu = await registerSeeker(api, county, '刘大爷', JINJIANG, ['LIFTED_OUT']);
    const sun = await registerSeeker(api, county, '孙婶', JINJIANG, ['LIFTED_OUT']);
    await api.gql(`mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { id } }`, { input: { id: liu, laborCapacity: 'NONE' } }, county);
    await api.gql(`mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { id } }`, { input: { id: sun, laborCapacity: 'WEAK' } }, county);

    await recordPlacement(api, county, { jobSeekerId: li, workplaceRegionCode: '441900', startDate: daysFromToday(-40) });
    await recordPlacement(api, county, { jobSeekerId: wang, workplaceRegionCode: '450329100', startDate: daysFromToday(-10) });
    await recordPlacement(api, county, { jobSeekerId: zhang, workplaceRegionCode: '450329100', startDate: daysFromToday(-200) });
    await recordPlacement(api, county, { jobSeekerId: zhao, workplaceRegionCode: '450329100', startDate: daysFromToday(-40) });
    await recordPlacement(api, county, { jobSeekerId: sun, workplaceRegionCode: '450329100', startDate: daysFromToday(-300), endDate: daysFromToday(-100) });
    await api.gql(RECORD, { input: { jobSeekerId: zhang, visitedOn: daysFromToday(-80), way: 'PHONE', stillEmployed: true } }, county);
    await api.gql(RECORD, { input: { jobSeekerId: chen, visitedOn: daysFromToday(-5), way: 'VISIT', needs: '想在县城附近找活' } }, county);
  });
  afterAll(() => api.close());

  const due = async (variables: Record<string, unknown>, token = county) => {
    const result = await api.gql<{ followUpsDue: { totalCount: number; edges: { node: Due }[] } }>(DUE, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.followUpsDue.edges.map((e) => e.node);
  };

  it('both lists give their total on every page, past the last one too', async () => {
    type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string } }[] };
    const pages = async (field: string, query: string) => {
      const seen: Page[] = [];
      let after: string | null = null;
      do {
        const result: { data?: Record<string, Page> | null; errors?: unknown } = await api.gql<Record<string, Page>>(query, { after }, county);
        expect(result.errors).toBeUndefined();
        seen.push(result.data![field]);
        after = result.data![field].pageInfo.hasNextPage ? result.data![field].pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { node { name } }';
    const due = await pages(
      'followUpsDue',
      `query($after: String) { followUpsDue(regionCode: "450329", withinDays: 30, first: 1, after: $after) { ${PAGE} } }`,
    );
    expect(due.map((p) => [p.totalCount, p.edges.length])).toEqual([
      [3, 1],
      [3, 1],
      [3, 1],
    ]);
    const atRisk = await pages(
      'monitoredWithoutWork',
      `query($after: String) { monitoredWithoutWork(regionCode: "450329", first: 1, after: $after) { ${PAGE} } }`,
    );
    expect(atRisk.map((p) => [p.totalCount, p.edges.length])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    const last = atRisk[1].pageInfo.endCursor;
    const past = await api.gql<{ monitoredWithoutWork: Page }>(
      `query($after: String) { monitoredWithoutWork(regionCode: "450329", first: 1, after: $after) { ${PAGE} } }`,
      { after: last },
      county,
    );
    expect(past.data?.monitoredWithoutWork).toMatchObject({ totalCount: 2, edges: [] });
  });

  it('lists working lifted-out and monitored people whose follow-up is overdue or due soon, by the county schedule (first month, then quarterly)', async () => {
    expect(await due({})).toEqual([
      { name: '李秀英', dueOn: daysFromToday(-10), overdue: true, daysOverdue: 10, lastFollowUpOn: null },
      { name: '张兰', dueOn: daysFromToday(10), overdue: false, daysOverdue: 0, lastFollowUpOn: daysFromToday(-80) },
    ]);
    expect((await due({ within: 30 })).map((d) => d.name)).toEqual(['李秀英', '张兰', '王强']);
    expect((await due({ overdueOnly: true })).map((d) => d.name)).toEqual(['李秀英']);
  });

  it('a recorded visit moves the next due date a quarter on', async () => {
    const visit = await api.gql<{ recordFollowUp: Record<string, unknown> }>(
      RECORD,
      { input: { jobSeekerId: li, visitedOn: daysFromToday(0), way: 'PHONE', stillEmployed: true, needs: '想学电商直播' } },
      guali,
    );
    expect(visit.data?.recordFollowUp).toMatchObject({ visitedOn: daysFromToday(0), way: 'PHONE', stillEmployed: true, needs: '想学电商直播' });
    expect((await due({ within: 366 })).find((d) => d.name === '李秀英')).toMatchObject({ dueOn: daysFromToday(90), overdue: false });
  });

  it('follows the schedule the county sets', async () => {
    const set = await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { isDefault } }`,
      { input: { countyCode: '450329', key: 'followUps.schedule', valueJson: '{"firstAfterDays":7,"intervalDays":60,"supportGroups":["MONITORED"]}' } },
      county,
    );
    expect(set.errors).toBeUndefined();
    expect(await due({})).toEqual([{ name: '王强', dueOn: daysFromToday(-3), overdue: true, daysOverdue: 3, lastFollowUpOn: null }]);
    const bad = await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { isDefault } }`,
      { input: { countyCode: '450329', key: 'followUps.schedule', valueJson: '{"firstAfterDays":0,"intervalDays":60,"supportGroups":["MONITORED"]}' } },
      county,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('firstAfterDays');
  });

  it('防返贫: monitored and lifted-out people with labour capacity and no current work, village by village, with days since the last visit', async () => {
    const result = await api.gql<{ monitoredWithoutWork: { edges: { node: Record<string, unknown> }[] } }>(AT_RISK, { region: '450329' }, county);
    expect(result.data?.monitoredWithoutWork.edges.map((e) => e.node)).toEqual([
      { name: '孙婶', villageName: '金江村', supportGroups: ['LIFTED_OUT'], laborCapacity: 'WEAK', lastFollowUpOn: null, daysSinceLastFollowUp: null },
      { name: '陈刚', villageName: '猴背村', supportGroups: ['MONITORED'], laborCapacity: 'FULL', lastFollowUpOn: daysFromToday(-5), daysSinceLastFollowUp: 5 },
    ]);
    const township = await api.gql<{ monitoredWithoutWork: { edges: { node: { name: string } }[] } }>(AT_RISK, {}, guali);
    expect(township.data?.monitoredWithoutWork.edges.map((e) => e.node.name)).toEqual(['孙婶']);
  });

  it('refuses visits in the future, outside the region, and lists of other regions', async () => {
    const future = await api.gql(RECORD, { input: { jobSeekerId: li, visitedOn: daysFromToday(1), way: 'VISIT' } }, county);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitedOn' });
    const outside = await api.gql(RECORD, { input: { jobSeekerId: chen, visitedOn: daysFromToday(0), way: 'VISIT' } }, guali);
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await api.gql(AT_RISK, { region: HOUBEI }, guali);
    expect(list.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });
});
