import { countyToday, Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { daysFromToday, jobInput, POST_JOB } from '../../../../test/builders/job.builder';
import { stationInput } from '../../../../test/builders/station.builder';

const CREATE_STATION = `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id name level region { fullName } latitude longitude } }`;

describe('job sources: gig stations, workshops, fairs', () => {
  let api: TestApp;
  let county: string;
  let township: string;
  let textile: EmployerFixture;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    township = (await api.signedIn(Role.STAFF, '450329103')).token;
    textile = await verifiedEmployer(api, county, { name: '资源县锦绣服饰有限公司' });
  });
  afterAll(async () => api?.close());

  it('township staff open a station in their township; the level must match the region', async () => {
    const created = await api.gql<{ createGigStation: Record<string, unknown> }>(CREATE_STATION, { input: stationInput() }, township);
    expect(created.data?.createGigStation).toMatchObject({ level: 'TOWNSHIP', region: { fullName: '资源县瓜里乡' }, latitude: 26.0512 });
    const wrongLevel = await api.gql(CREATE_STATION, { input: stationInput({ level: 'VILLAGE' }) }, township);
    expect(wrongLevel.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'WRONG_STATION_LEVEL', field: 'input.level' } });
    const outside = await api.gql(CREATE_STATION, { input: stationInput({ regionCode: '450329101', name: '中峰镇零工中心' }) }, township);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });

  it('a verified employer opens a workshop in a village; county staff certify it; the public sees it then', async () => {
    const created = await api.gql<{ createWorkshop: { id: string; status: string } }>(
      `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id status } }`,
      {
        input: {
          employerId: textile.employerId,
          name: '金江村就业帮扶车间（服装加工）',
          regionCode: '450329103201',
          address: '金江村原村小学',
          latitude: 26.0433,
          longitude: 110.6311,
          headcount: 36,
        },
      },
      textile.token,
    );
    expect(created.data?.createWorkshop.status).toBe('PENDING');
    const workshopId = created.data!.createWorkshop.id;
    const hidden = await api.gql(`query($id: ID!) { workshop(id: $id) { id } }`, { id: workshopId });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const byTownship = await api.gql(
      `mutation($input: CertifyWorkshopInput!) { certifyWorkshop(input: $input) { status } }`,
      { input: { workshopId, certifiedOn: daysFromToday(0) } },
      township,
    );
    expect(byTownship.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COUNTY_STAFF_ONLY' });
    const certified = await api.gql<{ certifyWorkshop: { status: string; certifiedOn: string } }>(
      `mutation($input: CertifyWorkshopInput!) { certifyWorkshop(input: $input) { status certifiedOn } }`,
      { input: { workshopId, certifiedOn: daysFromToday(0) } },
      county,
    );
    expect(certified.data?.certifyWorkshop).toEqual({ status: 'CERTIFIED', certifiedOn: daysFromToday(0) });
    const shown = await api.gql<{ workshop: { headcount: number; employer: { name: string } } }>(
      `query($id: ID!) { workshop(id: $id) { headcount employer { name } } }`,
      { id: workshopId },
    );
    expect(shown.data?.workshop).toEqual({ headcount: 36, employer: { name: '资源县锦绣服饰有限公司' } });

    const job = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: textile.employerId, workshopId, title: '男装缝纫工', occupation: '缝纫工', publish: true }) },
      textile.token,
    );
    expect(job.errors).toBeUndefined();
    const listed = await api.gql<{ workshop: { jobs: { edges: { node: { title: string; source: { __typename: string } } }[] } } }>(
      `query($id: ID!) { workshop(id: $id) { jobs { edges { node { title source { __typename } } } } } }`,
      { id: workshopId },
    );
    expect(listed.data?.workshop.jobs.edges).toEqual([{ node: { title: '男装缝纫工', source: { __typename: 'Workshop' } } }]);

    const REVOKE = `mutation($input: RevokeWorkshopInput!) { revokeWorkshop(input: $input) { status revocationReason revokedOn } }`;
    const tooEarly = await api.gql(REVOKE, { input: { workshopId, reason: '连续三个月未吸纳脱贫劳动力就业', revokedOn: '2000-01-01' } }, county);
    expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.revokedOn' });
    expect(tooEarly.errors?.[0].message).toContain('不能早于认定日期');
    const revoked = await api.gql<{ revokeWorkshop: { status: string; revocationReason: string; revokedOn: string } }>(
      REVOKE,
      { input: { workshopId, reason: '连续三个月未吸纳脱贫劳动力就业' } },
      county,
    );
    // Without a date it is revoked today (county date).
    expect(revoked.data?.revokeWorkshop).toEqual({ status: 'REVOKED', revocationReason: '连续三个月未吸纳脱贫劳动力就业', revokedOn: countyToday() });
    const gone = await api.gql(`query($id: ID!) { workshop(id: $id) { id } }`, { id: workshopId });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownView = await api.gql<{ workshop: { status: string } }>(`query($id: ID!) { workshop(id: $id) { status } }`, { id: workshopId }, textile.token);
    expect(ownView.data?.workshop.status).toBe('REVOKED');
    const again = await api.gql(POST_JOB, { input: jobInput({ employerId: textile.employerId, workshopId, title: '平车缝纫工' }) }, textile.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SOURCE', field: 'input.workshopId' });
  });

  it('a caravan stops once per township; a fair totals its employers and posts in SQL', async () => {
    const caravan = await api.gql<{ createJobCaravan: { id: string } }>(
      `mutation($input: CreateJobCaravanInput!) { createJobCaravan(input: $input) { id } }`,
      { input: { name: '2026 年资源县就业大篷车', countyCode: '450329', organiser: '资源县人力资源和社会保障局' } },
      county,
    );
    const caravanId = caravan.data!.createJobCaravan.id;
    const fairInput = (regionCode: string, name: string) => ({
      name,
      kind: 'CARAVAN',
      caravanId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000 + 4 * 3_600_000).toISOString(),
      venue: '乡政府广场',
      regionCode,
      organiser: '资源县就业服务中心',
    });
    const CREATE_FAIR = `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id kind caravan { name } } }`;
    const first = await api.gql<{ createJobFair: { id: string; caravan: { name: string } } }>(
      CREATE_FAIR,
      { input: fairInput('450329103', '大篷车·瓜里站') },
      county,
    );
    expect(first.data?.createJobFair.caravan.name).toBe('2026 年资源县就业大篷车');
    const sameTownship = await api.gql(CREATE_FAIR, { input: fairInput('450329103201', '大篷车·金江村站') }, county);
    expect(sameTownship.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CARAVAN_TOWNSHIP_TAKEN' });
    expect((await api.gql(CREATE_FAIR, { input: fairInput('450329101', '大篷车·中峰站') }, county)).errors).toBeUndefined();

    const fairId = first.data!.createJobFair.id;
    const tea = await verifiedEmployer(api, county, { name: '资源县高山茶叶有限公司' });
    const BOOK = `mutation($input: BookFairBoothInput!) { bookFairBooth(input: $input) { id boothNumber } }`;
    await api.gql(BOOK, { input: { fairId, employerId: textile.employerId, boothNumber: 'A01' } }, textile.token);
    await api.gql(BOOK, { input: { fairId, employerId: tea.employerId, boothNumber: 'A02', declaredPosts: 30 } }, tea.token);
    const twice = await api.gql(BOOK, { input: { fairId, employerId: tea.employerId } }, tea.token);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BOOTH_TAKEN' });

    const notBooked = await verifiedEmployer(api, county, { name: '没订展位的单位' });
    const refused = await api.gql(POST_JOB, { input: jobInput({ employerId: notBooked.employerId, fairId }) }, notBooked.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SOURCE', field: 'input.fairId' });

    for (const headcount of [12, 8]) {
      const posted = await api.gql(POST_JOB, { input: jobInput({ employerId: textile.employerId, fairId, headcount, publish: true }) }, textile.token);
      expect(posted.errors).toBeUndefined();
    }
    await api.gql(POST_JOB, { input: jobInput({ employerId: textile.employerId, fairId, headcount: 99 }) }, textile.token); // a draft does not count

    const fair = await api.gql<{ jobFair: { totals: Record<string, number>; booths: { boothNumber: string; posts: number; employer: { name: string } }[] } }>(
      `query($id: ID!) { jobFair(id: $id) { totals { employers posts jobs } booths { boothNumber posts employer { name } } } }`,
      { id: fairId },
    );
    expect(fair.data?.jobFair.totals).toEqual({ employers: 2, posts: 50, jobs: 2 });
    expect(fair.data?.jobFair.booths).toEqual([
      { boothNumber: 'A01', posts: 20, employer: { name: '资源县锦绣服饰有限公司' } },
      { boothNumber: 'A02', posts: 30, employer: { name: '资源县高山茶叶有限公司' } },
    ]);
  });
});
