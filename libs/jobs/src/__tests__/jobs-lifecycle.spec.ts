import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { daysFromToday, jobInput, POST_JOB, transition } from '../../../../test/builders/job.builder';
import { JobExpiryScheduler } from '../job-expiry.scheduler';

/** The editable fields of a job input (what updateJob takes besides jobId). */
function contentOf(input: Record<string, unknown>): Record<string, unknown> {
  const { publish: _publish, employerId: _employerId, kind: _kind, stationId: _s, workshopId: _w, fairId: _f, ...content } = input;
  return content;
}

interface JobView {
  id: string;
  status: string;
  [key: string]: unknown;
}

describe('jobs: posting, lifecycle and permissions', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  let rival: EmployerFixture;

  const post = async (token: string, overrides: Record<string, unknown> = {}) => {
    const result = await api.gql<{ postJob: JobView }>(POST_JOB, { input: jobInput({ employerId: growers.employerId, ...overrides }) }, token);
    return result;
  };
  const move = async (name: string, jobId: string, token: string) => api.gql<Record<string, JobView>>(transition(name), { input: { jobId } }, token);

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
  });
  afterAll(async () => api?.close());

  it('posts a draft with the monthly equivalent wage, then walks OPEN → PAUSED → OPEN → FILLED', async () => {
    const posted = await post(growers.token, { wageMin: 120, wageMax: 150, wageUnit: 'DAY', kind: 'PART_TIME' });
    expect(posted.errors).toBeUndefined();
    expect(posted.data?.postJob).toMatchObject({ status: 'DRAFT', monthlyWageMin: 2640, monthlyWageMax: 3300, employer: { name: '金江番茄种植专业合作社' } });
    const jobId = posted.data!.postJob.id;

    expect((await move('publishJob', jobId, growers.token)).data?.publishJob.status).toBe('OPEN');
    expect((await move('pauseJob', jobId, growers.token)).data?.pauseJob.status).toBe('PAUSED');
    expect((await move('resumeJob', jobId, growers.token)).data?.resumeJob.status).toBe('OPEN');
    expect((await move('markJobFilled', jobId, growers.token)).data?.markJobFilled.status).toBe('FILLED');

    const again = await move('resumeJob', jobId, growers.token);
    expect(again.errors?.[0]).toMatchObject({ message: '岗位当前为"已招满"，不能恢复招聘', extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' } });
  });

  it('closes a draft, and an open job; a closed job cannot be reopened', async () => {
    const draft = (await post(growers.token)).data!.postJob.id;
    expect((await move('closeJob', draft, growers.token)).data?.closeJob.status).toBe('CLOSED');
    const open = (await post(growers.token, { publish: true })).data!.postJob;
    expect(open.status).toBe('OPEN');
    expect((await move('closeJob', open.id, growers.token)).data?.closeJob.status).toBe('CLOSED');
    const reopened = await move('publishJob', open.id, growers.token);
    expect(reopened.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('expires a job past its valid-to date at once on read, and the sweep records it', async () => {
    const job = (await post(growers.token, { publish: true })).data!.postJob;
    await api.dataSource.query(`UPDATE job SET valid_from = $2, valid_to = $2 WHERE id = $1`, [job.id, daysFromToday(-1)]);
    const read = await api.gql<{ job: JobView }>(`query($id: ID!) { job(id: $id) { status } }`, { id: job.id }, growers.token);
    expect(read.data?.job.status).toBe('EXPIRED');
    const anonymous = await api.gql(`query($id: ID!) { job(id: $id) { status } }`, { id: job.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listed = await api.gql<{ jobs: { edges: { node: { id: string } }[] } }>(`{ jobs(first: 100) { edges { node { id } } } }`);
    expect(listed.data?.jobs.edges.map((e) => e.node.id)).not.toContain(job.id);

    await api.app.get(JobExpiryScheduler).sweep();
    const [{ status }] = await api.dataSource.query(`SELECT status FROM job WHERE id = $1`, [job.id]);
    expect(status).toBe('EXPIRED');
    const resumed = await move('resumeJob', job.id, growers.token);
    expect(resumed.errors?.[0].extensions?.reason).toBe('INVALID_TRANSITION');
  });

  it('refuses a discriminatory advert, naming the phrase and the law', async () => {
    const result = await post(growers.token, { requirements: '限男性，限本地户口' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DISCRIMINATORY_ADVERT', field: 'input.requirements' });
    expect(result.errors?.[0].message).toContain('任职要求中的"限男性"：《就业促进法》第三条、第二十七条');
    expect(result.errors?.[0].message).toContain('第三十一条');
  });

  it('lets an age limit through but flags it, visible to staff only', async () => {
    const job = (await post(growers.token, { description: '采摘番茄，年龄18-50岁，能吃苦', publish: true })).data!.postJob;
    const asStaff = await api.gql<{ job: { flags: string[] } }>(`query($id: ID!) { job(id: $id) { flags } }`, { id: job.id }, county);
    expect(asStaff.data?.job.flags).toEqual(['年龄限制：18-50岁']);
    const asPublic = await api.gql<{ job: { flags: string[] | null } }>(`query($id: ID!) { job(id: $id) { flags } }`, { id: job.id });
    expect(asPublic.data?.job.flags).toBeNull();
    const flagged = await api.gql<{ jobs: { edges: { node: { id: string } }[] } }>(`{ jobs(flagged: true) { edges { node { id } } } }`, {}, county);
    expect(flagged.data?.jobs.edges.map((e) => e.node.id)).toContain(job.id);
  });

  it('refuses a job for an employer not yet verified', async () => {
    const pending = await verifiedEmployer(api, county, { name: '待审核的茶厂' }, false);
    const result = await api.gql(POST_JOB, { input: jobInput({ employerId: pending.employerId }) }, pending.token);
    expect(result.errors?.[0]).toMatchObject({
      message: '待审核的茶厂还在等待县人社局审核；审核通过后才能发布岗位、开办车间或参加招聘会',
      extensions: { code: 'FORBIDDEN', reason: 'EMPLOYER_NOT_VERIFIED' },
    });
  });

  it("refuses to let one employer post for, edit or close another employer's job", async () => {
    const asOther = await post(rival.token);
    expect(asOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const open = (await post(growers.token, { publish: true })).data!.postJob;
    const closed = await move('closeJob', open.id, rival.token);
    expect(closed.errors?.[0]).toMatchObject({ message: '只能修改本单位发布的岗位', extensions: { code: 'FORBIDDEN', reason: 'NOT_YOUR_JOB' } });
    const edited = await api.gql(
      `mutation($input: UpdateJobInput!) { updateJob(input: $input) { id } }`,
      { input: { ...contentOf(jobInput({ title: '改了别人的岗位' })), jobId: open.id } },
      rival.token,
    );
    expect(edited.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const draft = (await post(growers.token)).data!.postJob;
    const hidden = await move('publishJob', draft.id, rival.token);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the owner edit an open job, re-screening the advert', async () => {
    const open = (await post(growers.token, { publish: true })).data!.postJob;
    const content = contentOf(jobInput({ title: '番茄分拣工', wageMin: 3500 }));
    const updated = await api.gql<{ updateJob: { title: string; wageMin: number; status: string } }>(
      `mutation($input: UpdateJobInput!) { updateJob(input: $input) { title wageMin status } }`,
      { input: { ...content, jobId: open.id } },
      growers.token,
    );
    expect(updated.data?.updateJob).toEqual({ title: '番茄分拣工', wageMin: 3500, status: 'OPEN' });
    const refused = await api.gql(
      `mutation($input: UpdateJobInput!) { updateJob(input: $input) { title } }`,
      { input: { ...content, description: '分拣番茄，只招女工，计时工资', jobId: open.id } },
      growers.token,
    );
    expect(refused.errors?.[0].extensions?.reason).toBe('DISCRIMINATORY_ADVERT');
  });

  it('lets staff manage jobs inside their region only', async () => {
    const guali = (await api.signedIn(Role.STAFF, '450329103')).token;
    const zhongfeng = (await api.signedIn(Role.STAFF, '450329101')).token;
    const job = (await post(growers.token, { publish: true })).data!.postJob;
    expect((await move('pauseJob', job.id, guali)).data?.pauseJob.status).toBe('PAUSED');
    const outside = await move('resumeJob', job.id, zhongfeng);
    expect(outside.errors?.[0]).toMatchObject({
      message: '您的管辖范围是资源县中峰镇，资源县瓜里乡金江村不在其中',
      extensions: { code: 'FORBIDDEN', reason: 'OUT_OF_REGION' },
    });
    const postedOutside = await post(zhongfeng);
    expect(postedOutside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows seekers and anonymous users open jobs only', async () => {
    const draft = (await post(growers.token)).data!.postJob;
    const seeker = (await api.signedIn(Role.SEEKER)).token;
    const asSeeker = await api.gql(`query($id: ID!) { job(id: $id) { id } }`, { id: draft.id }, seeker);
    expect(asSeeker.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await api.gql<{ jobs: { edges: { node: { status: string } }[] } }>(
      `{ jobs(first: 100, status: DRAFT) { edges { node { status } } } }`,
      {},
      seeker,
    );
    expect(list.data?.jobs.edges).toEqual([]);
    const own = await api.gql<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 100, status: DRAFT) { edges { node { id } } } }`,
      {},
      growers.token,
    );
    expect(own.data?.jobs.edges.map((e) => e.node.id)).toContain(draft.id);
  });

  it('public-welfare posts are posted by staff and open to the support groups the county sets', async () => {
    const asEmployer = await post(growers.token, { kind: 'PUBLIC_WELFARE' });
    expect(asEmployer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PUBLIC_WELFARE_STAFF_ONLY' });

    const posted = await api.gql<{ postJob: { id: string; employer: null; eligibleSupportGroups: string[] } }>(
      `mutation($input: PostJobInput!) { postJob(input: $input) { id employer { id } eligibleSupportGroups } }`,
      { input: jobInput({ kind: 'PUBLIC_WELFARE', title: '村级保洁员', description: '负责金江村公共区域保洁', wageMin: 1500, wageMax: 1500, publish: true }) },
      county,
    );
    expect(posted.data?.postJob).toMatchObject({ employer: null, eligibleSupportGroups: ['LIFTED_OUT', 'MONITORED'] });

    const set = await api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { valueJson isDefault } }`,
      { input: { countyCode: '450329', key: 'jobs.publicWelfareSupportGroups', valueJson: '["LIFTED_OUT","RELOCATED"]' } },
      county,
    );
    expect(set.data).toEqual({ setCountySetting: { valueJson: '["LIFTED_OUT","RELOCATED"]', isDefault: false } });
    const read = await api.gql<{ job: { eligibleSupportGroups: string[] } }>(`query($id: ID!) { job(id: $id) { eligibleSupportGroups } }`, {
      id: posted.data!.postJob.id,
    });
    expect(read.data?.job.eligibleSupportGroups).toEqual(['LIFTED_OUT', 'RELOCATED']);
  });

  it('gives gig jobs shifts, and refuses shifts on other kinds', async () => {
    const gig = (await post(growers.token, { kind: 'GIG', wageMin: 150, wageMax: 150, wageUnit: 'DAY', publish: true })).data!.postJob;
    const shift = await api.gql<{ addJobShift: Record<string, unknown> }>(
      `mutation($input: AddJobShiftInput!) { addJobShift(input: $input) { date startTime endTime slots dayPay } }`,
      { input: { jobId: gig.id, date: daysFromToday(2), startTime: '07:00', endTime: '17:00', slots: 8, dayPay: 150 } },
      growers.token,
    );
    expect(shift.data?.addJobShift).toEqual({ date: daysFromToday(2), startTime: '07:00', endTime: '17:00', slots: 8, dayPay: 150 });
    const read = await api.gql<{ job: { shifts: { slots: number }[] } }>(`query($id: ID!) { job(id: $id) { shifts { slots } } }`, { id: gig.id });
    expect(read.data?.job.shifts).toEqual([{ slots: 8 }]);

    const full = (await post(growers.token)).data!.postJob;
    const refused = await api.gql(
      `mutation($input: AddJobShiftInput!) { addJobShift(input: $input) { id } }`,
      { input: { jobId: full.id, date: daysFromToday(2), startTime: '07:00', endTime: '17:00', slots: 8, dayPay: 150 } },
      growers.token,
    );
    expect(refused.errors?.[0]).toMatchObject({ message: '只有零工岗位（GIG）可以设置班次', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses inconsistent wages, dates and coordinates with the field named', async () => {
    expect((await post(growers.token, { wageMin: 5000, wageMax: 4000 })).errors?.[0].extensions).toMatchObject({ field: 'input.wageMax' });
    expect((await post(growers.token, { validTo: daysFromToday(-1), validFrom: daysFromToday(-5) })).errors?.[0].extensions).toMatchObject({
      field: 'input.validTo',
    });
    expect((await post(growers.token, { latitude: 110.6, longitude: 26.0 })).errors?.[0].extensions).toMatchObject({ field: 'input.latitude' });
  });
});
