import { JobsService } from '@jobcode/jobs';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { onServer } from '../../../../test/support/test-state';
import { gigWorld, type GigWorld } from '../../../../test/builders/gig.builder';
import { jobInput, POST_JOB, transition } from '../../../../test/builders/job.builder';

/** What a station's QR page asks (bench:jobs): its open jobs with employer and source. */
const STATION_JOBS = `query StationJobs($stationId: ID!) {
  jobs(stationId: $stationId, status: OPEN, first: 20) {
    edges { node { id title wageMin wageMax wageUnit validTo employer { id name } source { ... on GigStation { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** eligibleSupportGroups comes from county settings, which the source's version does not cover. */
const WITH_SETTINGS = `query($stationId: ID!) { jobs(stationId: $stationId, first: 20) { edges { node { id eligibleSupportGroups } } } }`;

interface StationJobs {
  jobs: { edges: { node: { id: string; title: string; employer: { name: string } | null; source: { name: string } | null } }[] };
}

/**
 * The anonymous job list of one station, workshop or fair is served from a response cache
 * validated by the source's scan_target_version; two API processes on one database show that
 * whatever either commits (or plain SQL) is in the other's next answer.
 */
onServer.describe('job list response cache', () => {
  let a: TestApp;
  let b: TestApp;
  let world: GigWorld;
  /** JobsService.list of process A: a cache hit makes no call. */
  let executed: jest.SpyInstance;

  const listA = async (query = STATION_JOBS, token?: string) => {
    const result = await a.gql<StationJobs>(query, { stationId: world.stationId }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.jobs;
  };
  const titles = (jobs: StationJobs['jobs']) => jobs.edges.map((e) => e.node.title).sort();

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { databaseUrl: a.databaseUrl });
    world = await gigWorld(a);
    executed = jest.spyOn(a.app.get(JobsService), 'list');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers repeated anonymous lists from the cache, and shows a job posted, then closed, in the other process at the next request', async () => {
    const first = await listA();
    expect(titles(first)).toEqual(['番茄采摘（日结）']);
    expect(first.edges[0].node.source).toEqual({ id: world.stationId, name: '瓜里乡零工中心' });
    executed.mockClear();
    expect(await listA()).toEqual(first);
    expect(await listA()).toEqual(first);
    expect(executed).not.toHaveBeenCalled();

    const posted = await b.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: world.farm.employerId, stationId: world.stationId, publish: true, title: '辣椒分拣' }) },
      world.farm.token,
    );
    expect(posted.errors).toBeUndefined();
    expect(titles(await listA())).toEqual(['番茄采摘（日结）', '辣椒分拣'].sort());
    expect(executed).toHaveBeenCalledTimes(1);

    await b.gql(transition('closeJob'), { input: { jobId: posted.data!.postJob.id } }, world.farm.token);
    expect(titles(await listA())).toEqual(['番茄采摘（日结）']);
  });

  it('notices an employer renamed and the station renamed in plain SQL', async () => {
    await listA();
    await b.dataSource.query(`UPDATE employer SET name = '金江番茄合作社（改名）' WHERE id = $1`, [world.farm.employerId]);
    expect((await listA()).edges[0].node.employer?.name).toBe('金江番茄合作社（改名）');
    await b.dataSource.query(`UPDATE gig_station SET name = '瓜里乡零工驿站' WHERE id = $1`, [world.stationId]);
    expect((await listA()).edges[0].node.source?.name).toBe('瓜里乡零工驿站');
  });

  it('executes every time for signed-in callers and for fields the version does not cover', async () => {
    await listA();
    executed.mockClear();
    await listA(STATION_JOBS, world.farm.token);
    await listA(STATION_JOBS, world.farm.token);
    expect(executed).toHaveBeenCalledTimes(2);
    executed.mockClear();
    await listA(WITH_SETTINGS);
    await listA(WITH_SETTINGS);
    expect(executed).toHaveBeenCalledTimes(2);
  });
});
