import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { APPLY, MOVE, WITHDRAW } from '../../../../test/builders/application.builder';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { type SeekerFixture, selfRegisteredSeeker } from '../../../../test/builders/job-seeker.builder';
import { openJob } from '../../../../test/builders/job.builder';

interface ApplicationView {
  id: string;
  status: string;
  rejectionReason?: string | null;
  history: { from: string | null; to: string; reason?: string | null; actorAccountId: string | null }[];
}

describe('applications: applying, moving, withdrawing', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  let rival: EmployerFixture;
  let seeker: SeekerFixture;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
    seeker = await selfRegisteredSeeker(api);
  });
  afterAll(async () => api?.close());

  const apply = (jobId: string, token = seeker.token, extra: Record<string, unknown> = {}) =>
    api.gql<{ applyToJob: ApplicationView }>(APPLY, { input: { jobId, ...extra } }, token);
  const move = (applicationId: string, to: string, token: string, reason?: string) =>
    api.gql<{ moveApplication: ApplicationView }>(MOVE, { input: { applicationId, move: to, reason } }, token);

  it('walks APPLIED → SHORTLISTED → OFFERED → HIRED and keeps who moved it, from and to', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const applied = await apply(jobId);
    expect(applied.errors).toBeUndefined();
    const id = applied.data!.applyToJob.id;
    expect(applied.data!.applyToJob).toMatchObject({
      status: 'APPLIED',
      appliedByStaff: false,
      history: [{ from: null, to: 'APPLIED', actorAccountId: seeker.accountId }],
    });
    await move(id, 'SHORTLIST', growers.token);
    await move(id, 'OFFER', growers.token);
    const hired = await move(id, 'HIRE', growers.token);
    expect(hired.data?.moveApplication.status).toBe('HIRED');
    expect(hired.data?.moveApplication.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'null→APPLIED',
      'APPLIED→SHORTLISTED',
      'SHORTLISTED→OFFERED',
      'OFFERED→HIRED',
    ]);
    expect(hired.data?.moveApplication.history.slice(1).every((h) => h.actorAccountId === growers.accountId)).toBe(true);
  });

  it('a job whose hires reach its headcount becomes FILLED by itself, and reopens when a hire is undone', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId, headcount: 2 });
    const status = async () =>
      (await api.gql<{ job: { status: string } }>(`query($id: ID!) { job(id: $id) { status } }`, { id: jobId }, growers.token)).data?.job.status;
    const hire = async (who: SeekerFixture) => {
      const id = (await apply(jobId, who.token)).data!.applyToJob.id;
      await move(id, 'SHORTLIST', growers.token);
      await move(id, 'OFFER', growers.token);
      expect((await move(id, 'HIRE', growers.token)).data?.moveApplication.status).toBe('HIRED');
      return id;
    };
    const first = await selfRegisteredSeeker(api);
    const second = await selfRegisteredSeeker(api);
    const late = await selfRegisteredSeeker(api);
    await hire(first);
    expect(await status()).toBe('OPEN');
    const secondHire = await hire(second);
    expect(await status()).toBe('FILLED');
    const refused = await apply(jobId, late.token);
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');

    const noReason = await move(secondHire, 'UNDO_HIRE', growers.token);
    expect(noReason.errors?.[0].message).toBe('撤销录用时请填写原因（reason），求职者会看到');
    const undone = await move(secondHire, 'UNDO_HIRE', growers.token, '对方未到岗');
    expect(undone.data?.moveApplication.status).toBe('OFFERED');
    expect(await status()).toBe('OPEN');
    expect((await apply(jobId, late.token)).data?.applyToJob.status).toBe('APPLIED');
  });

  it('a job marked FILLED by hand stays FILLED when a hire is undone', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId, headcount: 3 });
    const who = await selfRegisteredSeeker(api);
    const id = (await apply(jobId, who.token)).data!.applyToJob.id;
    await move(id, 'SHORTLIST', growers.token);
    await move(id, 'OFFER', growers.token);
    await move(id, 'HIRE', growers.token);
    await api.gql(`mutation($input: JobTransitionInput!) { markJobFilled(input: $input) { status } }`, { input: { jobId } }, growers.token);
    await move(id, 'UNDO_HIRE', growers.token, '录错了人');
    const job = await api.gql<{ job: { status: string } }>(`query($id: ID!) { job(id: $id) { status } }`, { id: jobId }, growers.token);
    expect(job.data?.job.status).toBe('FILLED');
  });

  it('tells the employer’s people of a new application in their inbox, with the applicant’s name masked', async () => {
    const jobId = await openJob(api, rival.token, { employerId: rival.employerId, title: '线束压接工' });
    const applicant = await selfRegisteredSeeker(api, { name: '覃美玲' });
    expect((await apply(jobId, applicant.token)).errors).toBeUndefined();
    await api.app.get(OutboxService).drain();
    const inbox = await api.gql<{ myNotifications: { totalCount: number; edges: { node: { templateKey: string; title: string; body: string } }[] } }>(
      `{ myNotifications(first: 20) { totalCount edges { node { templateKey title body } } } }`,
      {},
      rival.token,
    );
    expect(inbox.data!.myNotifications.edges.map((e) => e.node)).toContainEqual({
      templateKey: 'application.received',
      title: '收到新的报名',
      body: '覃**报名了“线束压接工”岗位，请登录就业服务码平台查看并处理。',
    });
  });

  it("lists a seeker's own applications and a job's applications for its employer only", async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const id = (await apply(jobId)).data!.applyToJob.id;
    const mine = await api.gql<{ myApplications: { id: string; applicantName: string; job: { id: string; title: string } }[] }>(
      `{ myApplications { id status applicantName job { id title } } }`,
      {},
      seeker.token,
    );
    const own = mine.data?.myApplications.find((a) => a.id === id);
    expect(own?.job.id).toBe(jobId);
    expect(own?.job.title).toBeTruthy();
    const ofJob = await api.gql<{ jobApplications: { id: string; applicantName: string }[] }>(
      `query($jobId: ID!) { jobApplications(jobId: $jobId) { id applicantName } }`,
      { jobId },
      growers.token,
    );
    expect(ofJob.data?.jobApplications.map((a) => a.id)).toEqual([id]);
    // The employer sees the name the same way as on the applicant's profile: in full while the application is active.
    expect(own?.applicantName).toBe(seeker.name);
    expect(ofJob.data?.jobApplications[0].applicantName).toBe(seeker.name);
    const profile = await api.gql<{ jobSeeker: { name: string } }>(
      `query($id: ID!) { jobSeeker(id: $id) { name } }`,
      { id: seeker.jobSeekerId },
      growers.token,
    );
    expect(profile.data?.jobSeeker.name).toBe(ofJob.data?.jobApplications[0].applicantName);
    const byRival = await api.gql(`query($jobId: ID!) { jobApplications(jobId: $jobId) { id } }`, { jobId }, rival.token);
    expect(byRival.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a second active application to the same job, and allows one again after withdrawing', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const first = (await apply(jobId)).data!.applyToJob.id;
    const second = await apply(jobId);
    expect(second.errors?.[0]).toMatchObject({
      message: '已经报名过这个岗位，请在“我的报名”查看进度，不必重复报名',
      extensions: { code: 'CONFLICT', reason: 'ALREADY_APPLIED' },
    });
    const withdrawn = await api.gql<{ withdrawApplication: ApplicationView }>(WITHDRAW, { input: { applicationId: first } }, seeker.token);
    expect(withdrawn.data?.withdrawApplication.status).toBe('WITHDRAWN');
    expect((await apply(jobId)).data?.applyToJob.status).toBe('APPLIED');
  });

  it('refuses applying to a job that is not open', async () => {
    const draft = await openJob(api, growers.token, { employerId: growers.employerId, publish: false });
    const result = await apply(draft);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'JOB_NOT_OPEN' });
    expect(result.errors?.[0].message).toContain('不在招聘中');
  });

  it('requires a reason to reject, and shows it to the seeker', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const id = (await apply(jobId)).data!.applyToJob.id;
    const bare = await move(id, 'REJECT', growers.token);
    expect(bare.errors?.[0]).toMatchObject({
      message: '不录用时请填写原因（reason），求职者会看到',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.reason' },
    });
    await move(id, 'REJECT', growers.token, '岗位需要夜班，与您的照顾家人安排冲突');
    const seen = await api.gql<{ application: ApplicationView }>(
      `query($id: ID!) { application(id: $id) { status rejectionReason history { to reason } } }`,
      { id },
      seeker.token,
    );
    expect(seen.data?.application).toMatchObject({ status: 'REJECTED', rejectionReason: '岗位需要夜班，与您的照顾家人安排冲突' });
    const late = await move(id, 'SHORTLIST', growers.token);
    expect(late.errors?.[0]).toMatchObject({ message: '报名当前为“未录用”，不能入选', extensions: { code: 'CONFLICT' } });
  });

  it('gives another employer nothing: not the application, not a move', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const id = (await apply(jobId)).data!.applyToJob.id;
    const read = await api.gql(`query($id: ID!) { application(id: $id) { id } }`, { id }, rival.token);
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await move(id, 'SHORTLIST', rival.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const other = await selfRegisteredSeeker(api);
    expect((await api.gql(WITHDRAW, { input: { applicationId: id } }, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets staff apply for a seeker of their region only with the consent recorded', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const desk = (await api.signedIn(Role.STAFF, '450329103')).token;
    const other = await selfRegisteredSeeker(api);
    const noConsent = await apply(jobId, desk, { jobSeekerId: other.jobSeekerId });
    expect(noConsent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_REQUIRED', field: 'input.consentNote' });
    const done = await apply(jobId, desk, { jobSeekerId: other.jobSeekerId, consentNote: '本人到乡镇就业服务站口头同意' });
    expect(done.data?.applyToJob).toMatchObject({ status: 'APPLIED', appliedByStaff: true, consentNote: '本人到乡镇就业服务站口头同意' });
    const outside = (await api.signedIn(Role.STAFF, '450329202')).token;
    const refused = await apply(jobId, outside, { jobSeekerId: other.jobSeekerId, consentNote: '电话同意' });
    expect(refused.errors?.[0].extensions?.reason).toBe('NO_SEEKER_PROFILE');
  });

  it('takes public-welfare applications only from the configured support groups', async () => {
    const jobId = await openJob(api, county, { kind: 'PUBLIC_WELFARE', title: '村级保洁员', occupation: '保洁员' });
    const outsider = await selfRegisteredSeeker(api, { supportGroupCodes: ['RETURNEE'] });
    const refused = await apply(jobId, outsider.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_IN_SUPPORT_GROUP' });
    expect(refused.errors?.[0].message).toContain('公益性岗位只面向本县规定的帮扶群体');
    // The seeker declared LIFTED_OUT themself: it counts once staff confirm it.
    expect((await apply(jobId)).errors?.[0].message).toContain('还在等待村或乡镇工作人员确认');
    const confirmed = await api.gql(
      `mutation($input: ReviewSupportGroupsInput!) { reviewSupportGroups(input: $input) { supportGroups { code } } }`,
      { input: { jobSeekerId: seeker.jobSeekerId, confirm: ['LIFTED_OUT'] } },
      county,
    );
    expect(confirmed.errors).toBeUndefined();
    expect((await apply(jobId)).data?.applyToJob.status).toBe('APPLIED');
  });

  it('lets the employer see the applicant’s profile, masked, and nobody else’s', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const applicant = await selfRegisteredSeeker(api, { name: '王春花' });
    const read = `query($id: ID!) { jobSeeker(id: $id) { name idNumber(full: false) phone(full: false) fullAccess } }`;
    expect((await api.gql(read, { id: applicant.jobSeekerId }, growers.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await apply(jobId, applicant.token);
    const seen = await api.gql<{ jobSeeker: { name: string; idNumber: string; fullAccess: boolean } }>(read, { id: applicant.jobSeekerId }, growers.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.jobSeeker).toMatchObject({ name: '王春花', fullAccess: false });
    expect(seen.data?.jobSeeker.idNumber).toContain('*');
    const full = await api.gql<{ jobSeeker: { idNumber: string } }>(
      `query($id: ID!) { jobSeeker(id: $id) { idNumber(full: true, purpose: "核对") } }`,
      { id: applicant.jobSeekerId },
      growers.token,
    );
    expect(full.data?.jobSeeker.idNumber).toBe(`${applicant.idNumber.slice(0, 4)}**********${applicant.idNumber.slice(-4)}`);
    expect((await api.gql(read, { id: applicant.jobSeekerId }, rival.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('tells the applicant the employer will see their phone, lets the employer read it in full (logged), and stops when the application ends', async () => {
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const applicant = await selfRegisteredSeeker(api, { name: '韦秀兰' });
    const applied = await api.gql<{ applyToJob: { id: string; phoneNotice: string | null } }>(
      `mutation($input: ApplyToJobInput!) { applyToJob(input: $input) { id phoneNotice } }`,
      { input: { jobId } },
      applicant.token,
    );
    expect(applied.data?.applyToJob.phoneNotice).toContain('用人单位可以查看您的姓名、求职信息和完整手机号');
    const phone = `query($id: ID!) { jobSeeker(id: $id) { phone(full: true) idNumber(full: true) } }`;
    const read = await api.gql<{ jobSeeker: { phone: string; idNumber: string } }>(phone, { id: applicant.jobSeekerId }, growers.token);
    expect(read.data?.jobSeeker.phone).toBe(applicant.phone);
    expect(read.data?.jobSeeker.idNumber).toContain('*');
    const names = await api.gql<{ jobApplications: { applicantName: string }[] }>(
      `query($jobId: ID!) { jobApplications(jobId: $jobId) { applicantName } }`,
      { jobId },
      growers.token,
    );
    expect(names.data?.jobApplications[0].applicantName).toBe('韦秀兰');

    const reads = await api.gql<{ jobSeekerDataReads: { field: string; purpose: string; readerRole: string; readerAccountId: string }[] }>(
      `query($id: ID!) { jobSeekerDataReads(jobSeekerId: $id) { field purpose readerRole readerAccountId } }`,
      { id: applicant.jobSeekerId },
      applicant.token,
    );
    expect(reads.data?.jobSeekerDataReads).toEqual([
      { field: 'PHONE', purpose: '联系报名人（用人单位）', readerRole: 'EMPLOYER', readerAccountId: growers.accountId },
    ]);

    await api.gql(WITHDRAW, { input: { applicationId: applied.data!.applyToJob.id } }, applicant.token);
    expect((await api.gql(phone, { id: applicant.jobSeekerId }, growers.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const after = await api.gql<{ jobApplications: { applicantName: string; phoneNotice: string | null }[] }>(
      `query($jobId: ID!) { jobApplications(jobId: $jobId) { applicantName phoneNotice } }`,
      { jobId },
      growers.token,
    );
    expect(after.data?.jobApplications[0]).toEqual({ applicantName: '韦**', phoneNotice: null });
  });
});
