import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { APPLY } from '../../../../test/builders/application.builder';
import { type SeekerFixture, selfRegisteredSeeker } from '../../../../test/builders/job-seeker.builder';
import { daysFromToday, openJob } from '../../../../test/builders/job.builder';
import { recordPlacement } from '../../../../test/builders/placement.builder';

const PROFILE = `{ myJobSeekerProfile { supportGroups { code } declaredSupportGroups { code } } }`;
const REVIEW = `mutation($input: ReviewSupportGroupsInput!) { reviewSupportGroups(input: $input) { supportGroups { code } declaredSupportGroups { code } } }`;
const UPDATE = `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { supportGroups { code } declaredSupportGroups { code } } }`;
const STATS = `query { placementStats(region: "450329", period: { year: ${new Date().getFullYear()} }, groupBy: SUPPORT_GROUP) { definition groups { key people } } }`;
const ELIGIBILITY = `query { subsidyEligibility(kind: HIRING_BONUS, regionCode: "450329", year: ${new Date().getFullYear()}) { subjectName eligible explanation } }`;

interface Groups {
  supportGroups: { code: string }[];
  declaredSupportGroups: { code: string }[];
}
const codes = (g: Groups | undefined) => ({ confirmed: g?.supportGroups.map((x) => x.code), declared: g?.declaredSupportGroups.map((x) => x.code) });

/** Support groups a seeker declares for themself count only once staff confirm them. */
describe('self-declared support groups wait for staff to confirm them', () => {
  let api: TestApp;
  let county: string;
  let seeker: SeekerFixture;
  let welfareJob: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    seeker = await selfRegisteredSeeker(api, { name: '韦春花', supportGroupCodes: ['LIFTED_OUT'] });
    welfareJob = await openJob(api, county, {
      kind: 'PUBLIC_WELFARE',
      title: '村道保洁员',
      occupation: '保洁员',
      wageMin: 1500,
      wageMax: 1500,
      benefits: { board: false, lodging: false, transport: false, socialInsurance: true },
    });
  });
  afterAll(async () => api?.close());

  const profile = async () => codes((await api.gql<{ myJobSeekerProfile: Groups }>(PROFILE, {}, seeker.token)).data?.myJobSeekerProfile);
  const liftedOutPeople = async () => {
    const stats = await api.gql<{ placementStats: { definition: string; groups: { key: string; people: number }[] } }>(STATS, {}, county);
    expect(stats.errors).toBeUndefined();
    return { definition: stats.data!.placementStats.definition, people: stats.data!.placementStats.groups.find((g) => g.key === 'LIFTED_OUT')?.people ?? 0 };
  };

  it('keeps what a seeker declares as waiting: not in their groups, not in the figures, not enough for a public-welfare post', async () => {
    expect(await profile()).toEqual({ confirmed: [], declared: ['LIFTED_OUT'] });
    await recordPlacement(api, county, { jobSeekerId: seeker.jobSeekerId, workplaceRegionCode: '450329100', startDate: daysFromToday(-1) });
    const before = await liftedOutPeople();
    expect(before.people).toBe(0);
    expect(before.definition).toContain('本人自报、尚待确认的不计入');
    const refused = await api.gql(APPLY, { input: { jobId: welfareJob } }, seeker.token);
    expect(refused.errors?.[0].message).toBe('您自报的帮扶类别（LIFTED_OUT）还在等待村或乡镇工作人员确认，确认后才能报名公益性岗位；请联系工作人员核实');
  });

  it('staff of the region confirm it: then it counts, in the figures and for eligibility', async () => {
    const stray = await api.gql(REVIEW, { input: { jobSeekerId: seeker.jobSeekerId, confirm: ['MONITORED'] } }, county);
    expect(stray.errors?.[0]).toMatchObject({
      message: '这些类别不在本人自报、待确认的类别中：MONITORED（待确认：LIFTED_OUT）',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const elsewhere = await api.gql(
      REVIEW,
      { input: { jobSeekerId: seeker.jobSeekerId, confirm: ['LIFTED_OUT'] } },
      (await api.signedIn(Role.STAFF, '450329202')).token,
    );
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byTheSeeker = await api.gql(REVIEW, { input: { jobSeekerId: seeker.jobSeekerId, confirm: ['LIFTED_OUT'] } }, seeker.token);
    expect(byTheSeeker.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const worklist = await api.gql<{ jobSeekers: { totalCount: number; edges: { node: { id: string } }[] } }>(
      `{ jobSeekers(filter: { awaitingGroupConfirmation: true }) { totalCount edges { node { id } } } }`,
      {},
      county,
    );
    expect(worklist.data?.jobSeekers.edges.map((e) => e.node.id)).toEqual([seeker.jobSeekerId]);
    const reviewed = await api.gql<{ reviewSupportGroups: Groups }>(REVIEW, { input: { jobSeekerId: seeker.jobSeekerId, confirm: ['LIFTED_OUT'] } }, county);
    expect(codes(reviewed.data?.reviewSupportGroups)).toEqual({ confirmed: ['LIFTED_OUT'], declared: [] });
    expect((await liftedOutPeople()).people).toBe(1);
    const applied = await api.gql<{ applyToJob: { status: string } }>(APPLY, { input: { jobId: welfareJob } }, seeker.token);
    expect(applied.data?.applyToJob.status).toBe('APPLIED');
  });

  it('a seeker changing their groups only changes what waits for confirmation; staff confirm by setting the groups too', async () => {
    const changed = await api.gql<{ updateJobSeeker: Groups }>(UPDATE, { input: { id: seeker.jobSeekerId, supportGroupCodes: ['MONITORED'] } }, seeker.token);
    expect(changed.errors).toBeUndefined();
    expect(codes(changed.data?.updateJobSeeker)).toEqual({ confirmed: ['LIFTED_OUT'], declared: ['MONITORED'] });
    const byStaff = await api.gql<{ updateJobSeeker: Groups }>(
      UPDATE,
      { input: { id: seeker.jobSeekerId, supportGroupCodes: ['LIFTED_OUT', 'MONITORED'] } },
      county,
    );
    expect(byStaff.errors).toBeUndefined();
    expect(codes(byStaff.data?.updateJobSeeker)).toEqual({ confirmed: ['LIFTED_OUT', 'MONITORED'], declared: [] });
  });

  it('subsidy explanations say the groups counted are the confirmed ones and how many wait', async () => {
    const other = await selfRegisteredSeeker(api, { name: '蒋桂兰', supportGroupCodes: ['LIFTED_OUT'] });
    const employer = await api.dataSource.query(
      `INSERT INTO employer (name, credit_code, contact_name, contact_phone_encrypted, region_code, address, registered_by, status)
       VALUES ('资源县演示农庄', '91450329MA5KBBBB1C', '联系人', 'x', '450329103201', '地址', (SELECT id FROM account LIMIT 1), 'VERIFIED') RETURNING id`,
    );
    for (const who of [seeker.jobSeekerId, other.jobSeekerId]) {
      await api.dataSource.query(
        `INSERT INTO placement (job_seeker_id, home_region_code, employer_id, workplace_region_code, destination, source, start_date)
         VALUES ($1, '450329103201', $2, '450329103201', 'IN_COUNTY', 'SELF_FOUND', (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
        [who, (employer as { id: string }[])[0].id],
      );
    }
    const result = await api.gql<{ subsidyEligibility: { subjectName: string; explanation: string[] }[] }>(ELIGIBILITY, {}, county);
    expect(result.errors).toBeUndefined();
    const farm = result.data!.subsidyEligibility.find((e) => e.subjectName === '资源县演示农庄');
    expect(farm?.explanation[0]).toMatch(/新招用 .+ 人员 1 人（工作人员确认的类别；/);
    expect(farm?.explanation[1]).toBe('另有 1 人自报属于这些类别、尚待工作人员确认，未计入');
  });
});
