import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { REGISTER, registration } from '../../../../test/builders/job-seeker.builder';
import { jobInput, POST_JOB } from '../../../../test/builders/job.builder';

const SEEKERS = `query($jobId: ID!, $first: Int) { recommendedSeekers(jobId: $jobId, first: $first) { seekerId name regionName score reasons { code text points } } }`;
const JOBS = `query($seekerId: ID!) { recommendedJobs(seekerId: $seekerId) { score job { id title kind } reasons { code text points } } }`;

interface Recommended {
  seekerId: string;
  name: string;
  regionName: string;
  score: number;
  reasons: { code: string; text: string; points: number }[];
}

const CHENGNAN = '450329100201'; // 资源镇城南村
const JINJIANG = '450329103201'; // 瓜里乡金江村

describe('matching: recommendedSeekers and recommendedJobs, ranked and explained', () => {
  let api: TestApp;
  let county: string;
  let garments: EmployerFixture;
  let rival: EmployerFixture;
  const seekers: Record<string, string> = {};
  const jobs: Record<string, string> = {};

  const register = async (key: string, overrides: Record<string, unknown>) => {
    const result = await api.gql<{ registerJobSeeker: { id: string } }>(REGISTER, { input: registration(overrides) }, county);
    expect(result.errors).toBeUndefined();
    seekers[key] = result.data!.registerJobSeeker.id;
  };
  const post = async (token: string, key: string, overrides: Record<string, unknown>) => {
    const result = await api.gql<{ postJob: { id: string } }>(POST_JOB, { input: jobInput({ publish: true, ...overrides }) }, token);
    expect(result.errors).toBeUndefined();
    jobs[key] = result.data!.postJob.id;
  };
  const recommendSeekers = async (jobKey: string, token: string) => api.gql<{ recommendedSeekers: Recommended[] }>(SEEKERS, { jobId: jobs[jobKey] }, token);

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    garments = await verifiedEmployer(api, county, { name: '资源县华锦服饰扶贫车间' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
    const base = {
      supportGroupCodes: [],
      skills: [] as string[],
      mustStayNearHome: false,
      willingOutsideCounty: false,
      wantedWage: 3000,
      wantedWageUnit: 'MONTH',
    };
    await register('huang', { ...base, name: '黄小明', regionCode: CHENGNAN, skills: ['缝纫工'], wantedOccupations: ['缝纫工'] });
    await register('noConsent', { ...base, name: '李秀英', regionCode: CHENGNAN, wantedOccupations: ['缝纫工'], consentToRecommend: false });
    await register('mustStay', { ...base, name: '王桂花', regionCode: JINJIANG, wantedOccupations: ['缝纫工'], mustStayNearHome: true });
    await register('employed', { ...base, name: '蒋大山', regionCode: JINJIANG, wantedOccupations: ['缝纫工'], willingOutsideCounty: true });
    await register('nearby', { ...base, name: '唐春燕', regionCode: JINJIANG, wantedOccupations: ['缝纫工'], wantedWage: 6000 });
    await register('weak', {
      ...base,
      name: '邓阿婆',
      regionCode: JINJIANG,
      laborCapacity: 'WEAK',
      supportGroupCodes: ['LIFTED_OUT'],
      wantedOccupations: ['保洁员'],
    });
    await register('returnee', { ...base, name: '罗建军', regionCode: JINJIANG, supportGroupCodes: ['RETURNEE'], wantedOccupations: ['保洁员'] });
    await api.dataSource.query(`UPDATE job_seeker SET employment_status = 'EMPLOYED' WHERE id = $1`, [seekers.employed]);

    const sewing = { employerId: garments.employerId, title: '缝纫工', occupation: '缝纫工', wageMin: 3000, wageMax: 4500, regionCode: CHENGNAN };
    await post(garments.token, 'sewing', sewing);
    await post(garments.token, 'outOfCounty', { ...sewing, title: '兴安分厂缝纫工', regionCode: '450325' });
    await post(county, 'cleaner', {
      kind: 'PUBLIC_WELFARE',
      title: '村道保洁员',
      occupation: '保洁员',
      wageMin: 1500,
      wageMax: 1500,
      regionCode: JINJIANG,
      benefits: { board: false, lodging: false, transport: false, socialInsurance: true },
    });
  });
  afterAll(async () => api?.close());

  it('recommends consenting, available people who want the occupation, best first, with reasons in Chinese', async () => {
    const result = await recommendSeekers('sewing', garments.token);
    expect(result.errors).toBeUndefined();
    const list = result.data!.recommendedSeekers;
    expect(list.map((s) => s.seekerId)).toEqual([seekers.huang, seekers.nearby]);
    expect(list[0]).toMatchObject({ name: '黄**', regionName: '城南村', score: 40 + 20 + 20 + 15 });
    expect(list[0].reasons.map((r) => r.text)).toEqual([
      '意向工种相符（缝纫工）',
      '有相关技能（缝纫工）',
      '岗位就在本村',
      '工资达到期望（折合月薪最高 4500 元）',
    ]);
    // 唐春燕 wants 6000 a month: no wage reason.
    expect(list[1].reasons.map((r) => r.code)).toEqual(['occupation']);
  });

  it('never recommends someone who did not consent, who must stay near home elsewhere, or who is already working', async () => {
    const ids = (await recommendSeekers('sewing', county)).data!.recommendedSeekers.map((s) => s.seekerId);
    expect(ids).not.toContain(seekers.noConsent);
    expect(ids).not.toContain(seekers.mustStay);
    expect(ids).not.toContain(seekers.employed);
  });

  it('offers out-of-county work only to people willing to leave the county', async () => {
    const ids = (await recommendSeekers('outOfCounty', garments.token)).data!.recommendedSeekers.map((s) => s.seekerId);
    expect(ids).toEqual([]);
    await api.dataSource.query(`UPDATE job_seeker SET willing_outside_county = true WHERE id = $1`, [seekers.nearby]);
    const after = (await recommendSeekers('outOfCounty', garments.token)).data!.recommendedSeekers;
    expect(after.map((s) => s.seekerId)).toEqual([seekers.nearby]);
    expect(after[0].reasons.map((r) => r.text)).toContain('愿意到县外务工');
    await api.dataSource.query(`UPDATE job_seeker SET willing_outside_county = false WHERE id = $1`, [seekers.nearby]);
  });

  it('offers a public-welfare post only to eligible groups, and explains light work for weak labour capacity', async () => {
    const list = (await recommendSeekers('cleaner', county)).data!.recommendedSeekers;
    expect(list.map((s) => s.seekerId)).toEqual([seekers.weak]);
    expect(list[0].name).toBe('邓阿婆');
    expect(list[0].reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['意向工种相符（保洁员）', '岗位就在本村', '属于公益性岗位的安置对象', '劳动能力较弱，此岗位为居家、兼职或公益性的轻体力工作']),
    );
  });

  it('shows employers masked names only, and nothing of another employer’s job', async () => {
    const staffView = (await recommendSeekers('sewing', county)).data!.recommendedSeekers;
    expect(staffView[0].name).toBe('黄小明');
    const other = await recommendSeekers('sewing', rival.token);
    expect(other.errors?.[0]).toMatchObject({ message: '岗位不存在，或已停止招聘', extensions: { code: 'NOT_FOUND' } });
    const seeker = await api.signedIn(Role.SEEKER);
    expect((await recommendSeekers('sewing', seeker.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('uses the county’s weights: changing matching.weights changes the score', async () => {
    const set = await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { key } }`,
      { input: { countyCode: '450329', key: 'matching.weights', valueJson: JSON.stringify({ occupation: 70 }) } },
      county,
    );
    expect(set.errors).toBeUndefined();
    const top = (await recommendSeekers('sewing', garments.token)).data!.recommendedSeekers[0];
    expect(top.score).toBe(70 + 20 + 20 + 15);
    const bad = await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { key } }`,
      { input: { countyCode: '450329', key: 'matching.weights', valueJson: JSON.stringify({ distance: 5 }) } },
      county,
    );
    expect(bad.errors?.[0].message).toContain('未知的匹配权重 distance');
    await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { key } }`,
      { input: { countyCode: '450329', key: 'matching.weights', valueJson: JSON.stringify({}) } },
      county,
    );
  });

  it('recommends open jobs to a seeker, never out-of-county work they refused nor a public-welfare post they are not eligible for', async () => {
    const result = await api.gql<{ recommendedJobs: { score: number; job: { id: string; title: string }; reasons: { text: string }[] }[] }>(
      JOBS,
      { seekerId: seekers.huang },
      county,
    );
    expect(result.errors).toBeUndefined();
    const list = result.data!.recommendedJobs;
    expect(list.map((r) => r.job.title)).toEqual(['缝纫工']);
    expect(list[0].reasons[0].text).toBe('意向工种相符（缝纫工）');

    const weak = (await api.gql<{ recommendedJobs: { job: { title: string } }[] }>(JOBS, { seekerId: seekers.weak }, county)).data!.recommendedJobs;
    expect(weak[0].job.title).toBe('村道保洁员');
    const returnee = (await api.gql<{ recommendedJobs: { job: { title: string } }[] }>(JOBS, { seekerId: seekers.returnee }, county)).data!.recommendedJobs;
    expect(returnee.map((r) => r.job.title)).not.toContain('村道保洁员');

    const stranger = await api.signedIn(Role.SEEKER);
    const refused = await api.gql(JOBS, { seekerId: seekers.huang }, stranger.token);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('finds people who name the same work in their own words (the demo employer’s farm jobs found nobody)', async () => {
    const base = { supportGroupCodes: [], mustStayNearHome: false, willingOutsideCounty: false, wantedWage: 100, wantedWageUnit: 'DAY', regionCode: JINJIANG };
    await register('grower', { ...base, name: '莫种田', skills: ['种植'], wantedOccupations: ['建筑工'] });
    await register('teaPicker', { ...base, name: '蒋采茶', skills: [], wantedOccupations: ['采茶工'] });
    await register('cook', { ...base, name: '周掌勺', skills: ['厨师'], wantedOccupations: ['厨工'] });
    await post(garments.token, 'tomatoes', {
      employerId: garments.employerId,
      kind: 'GIG',
      title: '番茄采摘工',
      occupation: '采摘工',
      wageMin: 110,
      wageMax: 150,
      wageUnit: 'DAY',
      regionCode: JINJIANG,
    });
    const result = await recommendSeekers('tomatoes', garments.token);
    expect(result.errors).toBeUndefined();
    const found = result.data!.recommendedSeekers.map((s) => s.seekerId);
    expect(found.sort()).toEqual([seekers.grower, seekers.teaPicker].sort());
    expect(found).not.toContain(seekers.cook);
  });
});
