import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { jobInput, POST_JOB } from '../../../../test/builders/job.builder';

const SAVE = `mutation($input: SaveJobSearchInput!) { saveJobSearch(input: $input) { id name query filter { regionCode kinds } } }`;
const DELETE = `mutation($input: DeleteSavedSearchInput!) { deleteSavedSearch(input: $input) }`;
const MINE = `{ mySavedSearches { id name query } }`;
const INBOX = `{ myNotifications { edges { node { templateKey title body } } } }`;

interface Inbox {
  myNotifications: { edges: { node: { templateKey: string; title: string; body: string } }[] };
}

describe('saved searches: a seeker is told once about each new matching job', () => {
  let api: TestApp;
  let county: string;
  let seeker: { token: string };
  let garments: EmployerFixture;

  const alerts = async (token: string) =>
    (await api.gql<Inbox>(INBOX, {}, token)).data!.myNotifications.edges.map((e) => e.node).filter((n) => n.templateKey === 'saved-search.new-job');
  const post = async (overrides: Record<string, unknown>) => {
    const result = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: garments.employerId, publish: true, ...overrides }) },
      garments.token,
    );
    expect(result.errors).toBeUndefined();
    await api.app.get(OutboxService).drain();
    return result.data!.postJob.id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    seeker = await api.signedIn(Role.SEEKER);
    garments = await verifiedEmployer(api, county, { name: '资源县华锦服饰扶贫车间' });
  });
  afterAll(async () => api?.close());

  it('saves a search, then a new matching job sends one in-app message; a non-matching job sends none', async () => {
    const saved = await api.gql<{ saveJobSearch: { id: string; filter: { regionCode: string } } }>(
      SAVE,
      { input: { name: '资源镇缝纫工', query: 'frg', filter: { regionCode: '450329100' } } },
      seeker.token,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveJobSearch.filter.regionCode).toBe('450329100');

    await post({ title: '番茄采摘工', regionCode: '450329100201' });
    await post({ title: '缝纫工', occupation: '缝纫工', regionCode: '450329103201' });
    expect(await alerts(seeker.token)).toEqual([]);

    const jobId = await post({ title: '缝纫工', occupation: '缝纫工', wageMin: 3000, wageMax: 4500, regionCode: '450329100201' });
    const inbox = await alerts(seeker.token);
    expect(inbox).toEqual([
      {
        templateKey: 'saved-search.new-job',
        title: '有新岗位符合“资源镇缝纫工”',
        body: '缝纫工（资源县华锦服饰扶贫车间，3000–4500 元/月）正在招聘，打开就业服务码平台查看详情。',
      },
    ]);

    // Editing the job publishes job.changed again: no second message.
    const content = Object.fromEntries(
      Object.entries(jobInput({ title: '缝纫工（计件）', occupation: '缝纫工', regionCode: '450329100201' })).filter(
        ([k]) => !['publish', 'employerId', 'kind'].includes(k),
      ),
    );
    expect(
      (await api.gql(`mutation($input: UpdateJobInput!) { updateJob(input: $input) { id } }`, { input: { ...content, jobId } }, garments.token)).errors,
    ).toBeUndefined();
    await api.app.get(OutboxService).drain();
    expect(await alerts(seeker.token)).toHaveLength(1);
  });

  it('lists and deletes only one’s own saved searches', async () => {
    const mine = (await api.gql<{ mySavedSearches: { id: string; name: string }[] }>(MINE, {}, seeker.token)).data!.mySavedSearches;
    expect(mine.map((s) => s.name)).toEqual(['资源镇缝纫工']);
    const other = await api.signedIn(Role.SEEKER);
    expect((await api.gql<{ mySavedSearches: unknown[] }>(MINE, {}, other.token)).data!.mySavedSearches).toEqual([]);
    const refused = await api.gql(DELETE, { input: { savedSearchId: mine[0].id } }, other.token);
    expect(refused.errors?.[0]).toMatchObject({ message: '没有找到这个保存的搜索（可能已经删除）', extensions: { code: 'NOT_FOUND' } });
    expect((await api.gql(DELETE, { input: { savedSearchId: mine[0].id } }, seeker.token)).errors).toBeUndefined();
    expect((await api.gql<{ mySavedSearches: unknown[] }>(MINE, {}, seeker.token)).data!.mySavedSearches).toEqual([]);
  });

  it('refuses an empty search and a distance filter, naming the field', async () => {
    const empty = await api.gql(SAVE, { input: { name: '全部' } }, seeker.token);
    expect(empty.errors?.[0]).toMatchObject({ message: '请填写搜索词或至少一个筛选条件再保存', extensions: { code: 'BAD_USER_INPUT', field: 'input.query' } });
    const near = await api.gql(SAVE, { input: { name: '附近', query: '缝纫', filter: { withinKm: 3 } } }, seeker.token);
    expect(near.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.filter.withinKm' });
    expect((await api.gql(SAVE, { input: { name: '缝纫' } }, undefined)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
