import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';

const CREATE_FAIR = `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id } }`;
const UPDATE_FAIR = `mutation($input: UpdateJobFairInput!) { updateJobFair(input: $input) { id name venue startsAt endsAt latitude longitude organiser kind region { code } } }`;
const CARAVANS = `query($countyCode: String!) { jobCaravans(countyCode: $countyCode) { id name organiser county { code } } }`;

describe('fair planning: staff correct a fair before it ends and list a county caravans', () => {
  let api: TestApp;
  let county: string;
  let township: string;
  let otherTownship: string;

  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const createFair = async (regionCode: string, startsAt = hoursFromNow(24), endsAt = hoursFromNow(28)) => {
    const created = await api.gql<{ createJobFair: { id: string } }>(
      CREATE_FAIR,
      { input: { name: '瓜里乡春风行动招聘会', kind: 'SPRING_CAMPAIGN', startsAt, endsAt, venue: '乡政府广场', regionCode, organiser: '资源县人社局' } },
      county,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    return created.data!.createJobFair.id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    township = (await api.signedIn(Role.STAFF, '450329103')).token;
    otherTownship = (await api.signedIn(Role.STAFF, '450329101')).token;
  });
  afterAll(async () => api?.close());

  it('township staff move their fair and give its coordinates; kind and place stay', async () => {
    const fairId = await createFair('450329103');
    const moved = await api.gql<{ updateJobFair: Record<string, unknown> }>(
      UPDATE_FAIR,
      {
        input: {
          fairId,
          name: '瓜里乡春风行动专场招聘会',
          venue: '瓜里乡中心小学操场',
          startsAt: hoursFromNow(48),
          endsAt: hoursFromNow(52),
          latitude: 26.05,
          longitude: 110.65,
        },
      },
      township,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateJobFair).toMatchObject({
      name: '瓜里乡春风行动专场招聘会',
      venue: '瓜里乡中心小学操场',
      latitude: 26.05,
      longitude: 110.65,
      organiser: '资源县人社局',
      kind: 'SPRING_CAMPAIGN',
      region: { code: '450329103' },
    });
    const reversed = await api.gql(UPDATE_FAIR, { input: { fairId, endsAt: hoursFromNow(40) } }, township);
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect(reversed.errors?.[0].message).toBe('结束时间应晚于开始时间');
    const halfCoordinates = await api.gql(UPDATE_FAIR, { input: { fairId, latitude: 26.1 } }, township);
    expect(halfCoordinates.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.latitude' });
  });

  it('refuses staff of another township, employers, seekers and anonymous callers', async () => {
    const fairId = await createFair('450329103');
    const outside = await api.gql(UPDATE_FAIR, { input: { fairId, name: '别的乡改的名字' } }, otherTownship);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    const employer = (await api.signedIn(Role.EMPLOYER, null)).token;
    const seeker = (await api.signedIn(Role.SEEKER, null)).token;
    for (const token of [employer, seeker]) {
      expect((await api.gql(UPDATE_FAIR, { input: { fairId, name: '不该改成' } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.gql(UPDATE_FAIR, { input: { fairId, name: '不该改成' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a fair that has ended is not changed any more', async () => {
    const fairId = await createFair('450329103', hoursFromNow(-5), hoursFromNow(-1));
    const late = await api.gql(UPDATE_FAIR, { input: { fairId, name: '补改名字' } }, county);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'FAIR_OVER' });
  });

  it("lists a county's caravans, newest first, and asks for a county code", async () => {
    const CREATE = `mutation($input: CreateJobCaravanInput!) { createJobCaravan(input: $input) { id } }`;
    for (const name of ['2026 年资源县春季就业大篷车', '2026 年资源县秋季就业大篷车']) {
      const created = await api.gql(CREATE, { input: { name, countyCode: '450329', organiser: '资源县人社局' } }, county);
      expect(created.errors).toBeUndefined();
    }
    const listed = await api.gql<{ jobCaravans: { name: string; county: { code: string } }[] }>(CARAVANS, { countyCode: '450329' }, township);
    expect(listed.data?.jobCaravans.map((c) => c.name)).toEqual(['2026 年资源县秋季就业大篷车', '2026 年资源县春季就业大篷车']);
    const township9 = await api.gql(CARAVANS, { countyCode: '450329103' });
    expect(township9.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyCode' });
  });
});
