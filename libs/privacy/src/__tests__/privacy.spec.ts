import { Role } from '@jobcode/common';
import { OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { requestCode } from '../../../../test/support/texted-codes';
import { APPLY } from '../../../../test/builders/application.builder';
import { contractFlow } from '../../../../test/builders/contract.builder';
import { type EmployerFixture, verifiedEmployer } from '../../../../test/builders/employer.builder';
import { REGISTER, registration, selfRegisteredSeeker } from '../../../../test/builders/job-seeker.builder';
import { daysFromToday, openJob } from '../../../../test/builders/job.builder';

const MY_DATA = `{ myPersonalData { account { name phone } profile { name idNumber(full: true) consentToRecommend }
  applications { jobTitle employerName status } contracts { status endDate } reads { field purpose readerRole }
  deletionRequest { outcome answer retainedUntil } } }`;
const DELETE = `mutation($input: RequestDataDeletionInput!) { requestDataDeletion(input: $input) { outcome retained retainedUntil answer answeredAt } }`;
const LINK = `mutation($i: CreateDownloadLinkInput!) { createDownloadLink(input: $i) { url } }`;

interface MyData {
  myPersonalData: {
    profile: { name: string; idNumber: string; consentToRecommend: boolean } | null;
    applications: { jobTitle: string; employerName: string; status: string }[];
    contracts: { status: string; endDate: string | null }[];
    reads: { field: string; purpose: string; readerRole: string }[];
    deletionRequest: { outcome: string; answer: string; retainedUntil: string | null } | null;
  };
}

const chinaToday = () => {
  const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('PIPL rights: see, who read, a copy, correct, delete', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
  });
  afterAll(async () => api?.close());

  const tap = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, api.url));

  it('shows everything held and who read it, and gives a copy as JSON and as a printable page by a download link', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '韦秀兰' });
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    await api.gql(APPLY, { input: { jobId } }, seeker.token);
    await api.gql(`query($id: ID!) { jobSeeker(id: $id) { phone(full: true) } }`, { id: seeker.jobSeekerId }, growers.token);

    const mine = await api.gql<MyData>(MY_DATA, {}, seeker.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myPersonalData).toMatchObject({
      profile: { name: '韦秀兰', idNumber: seeker.idNumber },
      applications: [{ employerName: '金江番茄种植专业合作社', status: 'APPLIED' }],
      reads: [{ field: 'PHONE', purpose: '联系报名人（用人单位）', readerRole: 'EMPLOYER' }],
      deletionRequest: null,
    });

    const json = await tap(
      (await api.gql<{ createDownloadLink: { url: string } }>(LINK, { i: { kind: 'PERSONAL_DATA_JSON' } }, seeker.token)).data!.createDownloadLink.url,
    );
    expect(json.headers.get('content-type')).toContain('application/json');
    const copy = (await json.json()) as { profile: { idNumber: string; phone: string }; applications: unknown[]; personalDataReads: { readerRole: string }[] };
    expect(copy.profile).toMatchObject({ idNumber: seeker.idNumber, phone: seeker.phone });
    expect(copy.applications).toHaveLength(1);
    expect(copy.personalDataReads.map((r) => r.readerRole)).toContain('EMPLOYER');

    const html = await tap(
      (await api.gql<{ createDownloadLink: { url: string } }>(LINK, { i: { kind: 'PERSONAL_DATA_HTML' } }, seeker.token)).data!.createDownloadLink.url,
    );
    const page = await html.text();
    expect(html.headers.get('content-type')).toContain('text/html');
    for (const text of ['我的个人信息', '韦秀兰', seeker.idNumber, '金江番茄种植专业合作社', '联系报名人（用人单位）']) expect(page).toContain(text);
    // The printable page is read by a person: codes in words, dates in Chinese.
    for (const text of ['<td>用人单位</td>', '<td>已报名</td>', '<td>有劳动能力</td>']) expect(page).toContain(text);
    expect(page).not.toMatch(/<td>(EMPLOYER|APPLIED|FULL|MALE|FEMALE|true|false)<\/td>|\dT\d{2}:\d{2}/);
    // How the employer read the phone, in words (the log keeps the field name).
    expect(page).toContain('<td>在系统中查看个人信息</td>');
    expect(page).not.toContain('JobSeeker.');
  });

  it('deletes everything when nothing must be kept: application withdrawn, identity erased, account closed, the phone free again, the answer shown and texted', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '蒋小兰' });
    const jobId = await openJob(api, growers.token, { employerId: growers.employerId });
    const applied = await api.gql<{ applyToJob: { id: string } }>(APPLY, { input: { jobId } }, seeker.token);

    const answered = await api.gql<{ requestDataDeletion: { outcome: string; retained: string[]; answer: string } }>(
      DELETE,
      { input: { reason: '不再找工作' } },
      seeker.token,
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.requestDataDeletion).toMatchObject({ outcome: 'DELETED', retained: [] });
    expect(answered.data?.requestDataDeletion.answer).toContain(`已于${chinaToday()}删除`);
    // Texted to the phone too (read like the SMS: the newest message of that template to this phone).
    await api.app.get(OutboxService).drain();
    const cipher = api.app.get(PersonalDataCipher);
    const texts = (await api.dataSource.query(`SELECT body, phone_encrypted FROM notification_message WHERE template_key = 'privacy.deletion-answered'`)) as {
      body: string;
      phone_encrypted: string;
    }[];
    expect(texts.find((t) => cipher.decrypt(t.phone_encrypted) === seeker.accountPhone)?.body).toContain('账号已注销');

    const [status] = (await api.dataSource.query(`SELECT status FROM application WHERE id = $1`, [applied.data!.applyToJob.id])) as { status: string }[];
    expect(status.status).toBe('WITHDRAWN');
    const [row] = (await api.dataSource.query(`SELECT name, account_id FROM job_seeker WHERE id = $1`, [seeker.jobSeekerId])) as {
      name: string;
      account_id: string | null;
    }[];
    expect(row).toEqual({ name: '已删除', account_id: null });
    expect((await api.gql(`{ me { id } }`, {}, seeker.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The same person may come back: the phone signs up again and the ID number registers again.
    const code = await requestCode(api, seeker.accountPhone, 'SIGN_UP');
    const again = await api.gql<{ signUp: { accessToken: string } }>(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { phone: seeker.accountPhone, code, name: '蒋小兰', role: 'SEEKER' },
    });
    expect(again.errors).toBeUndefined();
    const registered = await api.gql(REGISTER, { input: registration({ name: '蒋小兰', idNumber: seeker.idNumber }) }, again.data!.signUp.accessToken);
    expect(registered.errors).toBeUndefined();
  });

  it('answers a double tap (two deletion requests at once) once, with the same answer to both', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '蒙小芳' });
    const ask = () => api.gql<{ requestDataDeletion: { outcome: string; answer: string } }>(DELETE, { input: {} }, seeker.token);
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data?.requestDataDeletion.answer).toBe(first.data?.requestDataDeletion.answer);
    const rows = (await api.dataSource.query(`SELECT count(*)::int AS n FROM data_deletion_request WHERE account_id = $1`, [seeker.accountId])) as {
      n: number;
    }[];
    expect(rows[0].n).toBe(1);
  });

  it('keeps a signed contract and its placement only stored and protected until two years after it ends, stops processing the person, and leaves the figures as they were', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '唐春燕' });
    const contract = await contractFlow(api, growers, seeker).active(seeker);
    await api.app.get(OutboxService).drain();
    const placements = async () =>
      ((await api.dataSource.query(`SELECT count(*)::int AS n FROM placement WHERE job_seeker_id = $1`, [seeker.jobSeekerId])) as { n: number }[])[0].n;
    const before = await placements();
    expect(before).toBe(1);

    const answered = await api.gql<{ requestDataDeletion: { outcome: string; retained: string[]; retainedUntil: string; answer: string } }>(
      DELETE,
      { input: {} },
      seeker.token,
    );
    expect(answered.errors).toBeUndefined();
    const end = daysFromToday(737);
    const until = `${Number(end.slice(0, 4)) + 2}${end.slice(4)}`;
    expect(answered.data?.requestDataDeletion).toMatchObject({ outcome: 'RESTRICTED', retainedUntil: until });
    expect(answered.data?.requestDataDeletion.retained.join('')).toContain('劳动合同 1 份');
    expect(answered.data?.requestDataDeletion.retained.join('')).toContain('就业登记 1 条');
    expect(answered.data?.requestDataDeletion.answer).toContain('不再用于推荐、查询或其他处理');

    // Shown to the person, who keeps the account to read the contract.
    const mine = await api.gql<MyData>(MY_DATA, {}, seeker.token);
    expect(mine.data?.myPersonalData.deletionRequest).toMatchObject({ outcome: 'RESTRICTED', retainedUntil: until });
    expect(mine.data?.myPersonalData.profile).toMatchObject({ name: '唐春燕', consentToRecommend: false });
    expect(mine.data?.myPersonalData.contracts).toEqual([{ status: 'ACTIVE', endDate: end }]);
    expect((await fetch(`${api.url}${contract.pdfPath}`, { headers: { authorization: `Bearer ${seeker.token}` } })).status).toBe(200);

    // No longer processed: not listed, not edited; the figures keep their count.
    const listed = await api.gql<{ jobSeekers: { edges: { node: { id: string } }[] } }>(`{ jobSeekers(first: 100) { edges { node { id } } } }`, {}, county);
    expect(listed.data?.jobSeekers.edges.map((e) => e.node.id)).not.toContain(seeker.jobSeekerId);
    const edit = await api.gql(
      `mutation($input: UpdateJobSeekerInput!) { updateJobSeeker(input: $input) { id } }`,
      { input: { id: seeker.jobSeekerId, skills: ['采摘'] } },
      county,
    );
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROCESSING_RESTRICTED' });
    expect(await placements()).toBe(before);

    // Asking again gives the same answer.
    const again = await api.gql<{ requestDataDeletion: { answer: string } }>(DELETE, { input: {} }, seeker.token);
    expect(again.data?.requestDataDeletion.answer).toBe(answered.data?.requestDataDeletion.answer);
  });
});
