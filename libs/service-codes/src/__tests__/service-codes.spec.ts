import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Role } from '@jobcode/common';

import { readQrFromPng, readQrFromSvg } from '../../../../test/support/read-qr';
import { verifiedEmployer } from '../../../../test/builders/employer.builder';
import { REGISTER, registration } from '../../../../test/builders/job-seeker.builder';
import { daysFromToday, jobInput, POST_JOB } from '../../../../test/builders/job.builder';
import { createStation } from '../../../../test/builders/station.builder';
import { pdfPages } from '../../../../test/support/pdf-text';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { ScanEventRecorder } from '../scan-event-recorder';
import { SCAN_MISSES_ALLOWED } from '../scan.service';

const ISSUE = `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { id token url status targetTitle svgUrl pngUrl posterUrl label expiresAt } }`;
const REVOKE = `mutation($input: ServiceCodeTokenInput!) { revokeServiceCode(input: $input) { token status } }`;
const ROTATE = `mutation($input: ServiceCodeTokenInput!) { rotateServiceCode(input: $input) { token status } }`;
const SCAN = `query($token: String!, $near: GeoPointInput, $atFairId: ID) {
  scan(token: $token, near: $near, atFairId: $atFairId) {
    __typename
    ... on GigStationScan { station { name } openJobCount jobs { distanceKm job { id title status employer { name } } } }
    ... on WorkshopScan { workshop { name } openJobCount jobs { job { title } } }
    ... on JobFairScan { fair { name totals { employers posts } } openJobCount jobs { job { title } } }
    ... on JobScan { job { id title status } }
    ... on SeekerScan { displayName skills seeker { id name } attendanceRecorded }
    ... on ReplacedServiceCode { message targetKind targetTitle }
  }
}`;

type ScanData = { scan: Record<string, unknown> & { __typename: string } };

describe('employment service codes: issue, scan, rotate, revoke', () => {
  let api: TestApp;
  let county: string;
  let township: string;
  let otherTownship: string;
  let stationId: string;
  let employer: Awaited<ReturnType<typeof verifiedEmployer>>;
  let jobId: string;

  beforeAll(async () => {
    // The guessing test tells clients apart by X-Forwarded-For, as behind the county's proxy.
    api = await startTestApp({ PUBLIC_URL: 'https://jobs.ziyuan.example.cn', TRUST_PROXY: '127.0.0.1' });
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    township = (await api.signedIn(Role.STAFF, '450329103')).token;
    otherTownship = (await api.signedIn(Role.STAFF, '450329202')).token;
    stationId = await createStation(api, township);
    employer = await verifiedEmployer(api, county);
    const near = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: employer.employerId, stationId, publish: true, title: '番茄采摘（近）', latitude: 26.0515, longitude: 110.65 }) },
      employer.token,
    );
    jobId = near.data!.postJob.id;
    await api.gql(
      POST_JOB,
      { input: jobInput({ employerId: employer.employerId, stationId, publish: true, title: '辣椒分拣（远）', latitude: 26.2, longitude: 110.8 }) },
      employer.token,
    );
    await api.gql(POST_JOB, { input: jobInput({ employerId: employer.employerId, stationId, publish: false, title: '草稿岗位' }) }, employer.token);
  });
  afterAll(async () => api?.close());

  async function issue(kind: string, targetId: string, token: string, extra: Record<string, unknown> = {}) {
    return api.gql<{ issueServiceCode: { token: string; url: string; svgUrl: string; pngUrl: string; posterUrl: string | null; status: string } }>(
      ISSUE,
      { input: { targetKind: kind, targetId, ...extra } },
      token,
    );
  }

  it('staff of the station region issue a code whose QR encodes PUBLIC_URL/c/<token>; staff elsewhere may not', async () => {
    const issued = await issue('GIG_STATION', stationId, township, { label: '村委会信息栏' });
    expect(issued.errors).toBeUndefined();
    const code = issued.data!.issueServiceCode;
    expect(code.url).toBe(`https://jobs.ziyuan.example.cn/c/${code.token}`);
    expect(code.token).toMatch(/^[1-9A-HJ-NP-Za-km-z]{15,17}$/);
    const refused = await issue('GIG_STATION', stationId, otherTownship);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    const bySeeker = await issue('GIG_STATION', stationId, (await api.signedIn(Role.SEEKER)).token);
    expect(bySeeker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('scanning a station shows its open jobs nearest first, live, to anyone', async () => {
    const { token } = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode;
    const scan = await api.gql<ScanData>(SCAN, { token });
    expect(scan.errors).toBeUndefined();
    expect(scan.data!.scan).toMatchObject({ __typename: 'GigStationScan', station: { name: '瓜里乡零工中心' }, openJobCount: 2 });
    const jobs = scan.data!.scan.jobs as { distanceKm: number; job: { title: string; employer: { name: string } } }[];
    expect(jobs.map((j) => j.job.title)).toEqual(['番茄采摘（近）', '辣椒分拣（远）']);
    expect(jobs[0].distanceKm).toBeLessThan(1);
    expect(jobs[0].job.employer.name).toContain('合作社');

    // Live: a closed job leaves the board at once.
    await api.gql(`mutation($input: JobTransitionInput!) { closeJob(input: $input) { status } }`, { input: { jobId } }, employer.token);
    const after = await api.gql<ScanData>(SCAN, { token });
    expect(after.data!.scan).toMatchObject({ openJobCount: 1 });
    await api.gql(
      `mutation($input: PostJobInput!) { postJob(input: $input) { id } }`,
      { input: jobInput({ employerId: employer.employerId, stationId, publish: true, title: '番茄采摘（近）', latitude: 26.0515, longitude: 110.65 }) },
      employer.token,
    );
  });

  it('gives one and the same answer for unknown, revoked and expired tokens (no oracle)', async () => {
    const revoked = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode.token;
    expect((await api.gql<{ revokeServiceCode: { status: string } }>(REVOKE, { input: { token: revoked } }, township)).data?.revokeServiceCode.status).toBe(
      'REVOKED',
    );
    const again = await api.gql(REVOKE, { input: { token: revoked } }, township);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const expiring = (await issue('GIG_STATION', stationId, township, { expiresAt: new Date(Date.now() + 60_000).toISOString() })).data!.issueServiceCode.token;
    await api.dataSource.query(`UPDATE service_code SET expires_at = now() - interval '1 second' WHERE token = $1`, [expiring]);

    const answers = [];
    for (const token of ['3J98t1WpEZ73CNmQviecrn', revoked, expiring]) {
      const result = await api.gql(SCAN, { token });
      answers.push({ message: result.errors?.[0].message, extensions: result.errors?.[0].extensions });
    }
    expect(answers[0].extensions).toEqual({ code: 'NOT_FOUND', reason: 'INVALID_CODE' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The station itself is untouched by revoking its codes.
    expect(
      (await api.gql<ScanData>(SCAN, { token: (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode.token })).data?.scan.__typename,
    ).toBe('GigStationScan');
  });

  it('a rotated code answers that it was replaced and points to the public target; the new one works', async () => {
    const old = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode.token;
    const rotated = await api.gql<{ rotateServiceCode: { token: string; status: string } }>(ROTATE, { input: { token: old } }, township);
    const fresh = rotated.data!.rotateServiceCode.token;
    expect(fresh).not.toBe(old);
    const oldScan = await api.gql<ScanData>(SCAN, { token: old });
    expect(oldScan.data!.scan).toMatchObject({ __typename: 'ReplacedServiceCode', targetKind: 'GIG_STATION', targetTitle: '瓜里乡零工中心' });
    expect(oldScan.data!.scan.message).toContain('此码已更换');
    expect((await api.gql<ScanData>(SCAN, { token: fresh })).data!.scan.__typename).toBe('GigStationScan');
    const page = await fetch(`${api.url}/c/${old}`);
    expect(await page.text()).toContain('此码已更换');
  });

  it('shows a job, and a workshop and a fair with their jobs', async () => {
    const jobCode = (await issue('JOB', jobId, employer.token)).data!.issueServiceCode.token;
    expect((await api.gql<ScanData>(SCAN, { token: jobCode })).data!.scan).toMatchObject({ __typename: 'JobScan', job: { id: jobId, status: 'CLOSED' } });
    const draft = await api.gql<{ postJob: { id: string } }>(
      POST_JOB,
      { input: jobInput({ employerId: employer.employerId, publish: false, title: '未发布的草稿' }) },
      employer.token,
    );
    const draftCode = (await issue('JOB', draft.data!.postJob.id, employer.token)).data!.issueServiceCode.token;
    expect((await api.gql(SCAN, { token: draftCode })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.gql<ScanData>(SCAN, { token: draftCode }, employer.token)).data!.scan).toMatchObject({ job: { status: 'DRAFT' } });

    const fair = await api.gql<{ createJobFair: { id: string } }>(
      `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id } }`,
      {
        input: {
          name: '2026 年春风行动瓜里乡专场',
          kind: 'SPRING_CAMPAIGN',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          venue: '瓜里乡政府广场',
          regionCode: '450329103',
          organiser: '资源县人社局',
        },
      },
      township,
    );
    expect(fair.errors).toBeUndefined();
    const fairId = fair.data!.createJobFair.id;
    await api.gql(
      `mutation($input: BookFairBoothInput!) { bookFairBooth(input: $input) { id } }`,
      { input: { fairId, employerId: employer.employerId, boothNumber: 'A01', declaredPosts: 30 } },
      employer.token,
    );
    await api.gql(
      POST_JOB,
      { input: jobInput({ employerId: employer.employerId, fairId, publish: true, title: '招聘会岗位：缝纫工', validTo: daysFromToday(30) }) },
      employer.token,
    );
    const fairCode = (await issue('JOB_FAIR', fairId, township)).data!.issueServiceCode.token;
    const fairScan = await api.gql<ScanData>(SCAN, { token: fairCode });
    expect(fairScan.data!.scan).toMatchObject({ __typename: 'JobFairScan', openJobCount: 1, fair: { totals: { employers: 1 } } });

    const html = await (await fetch(`${api.url}/c/${fairCode}`)).text();
    expect(html).toContain('2026 年春风行动瓜里乡专场');
    expect(html).toContain('招聘会岗位：缝纫工');
  });

  it("opens a seeker's personal code only to staff and employers, each seeing what they may, and records fair attendance", async () => {
    const person = await api.signedIn(Role.SEEKER, null, '韦秀英');
    const registered = await api.gql<{ registerJobSeeker: { id: string } }>(REGISTER, { input: registration({ name: '韦秀英' }) }, person.token);
    const seekerId = registered.data!.registerJobSeeker.id;
    const own = await issue('SEEKER', seekerId, person.token);
    expect(own.data!.issueServiceCode.posterUrl).toBeNull();
    const token = own.data!.issueServiceCode.token;
    expect((await issue('SEEKER', seekerId, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const anonymous = await api.gql(SCAN, { token });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED_TO_VIEW' });
    const byStaff = await api.gql<ScanData>(SCAN, { token }, township);
    expect(byStaff.data!.scan).toMatchObject({ __typename: 'SeekerScan', displayName: '韦秀英', seeker: { id: seekerId }, skills: ['缝纫'] });
    const byEmployer = await api.gql<ScanData>(SCAN, { token }, employer.token);
    expect(byEmployer.data!.scan).toMatchObject({ displayName: '韦**', seeker: null, attendanceRecorded: false });

    const fairs: { id: string }[] = await api.dataSource.query(`SELECT id FROM job_fair WHERE name = '2026 年春风行动瓜里乡专场'`);
    const atFair = await api.gql<ScanData>(SCAN, { token, atFairId: fairs[0].id }, employer.token);
    expect(atFair.data!.scan).toMatchObject({ attendanceRecorded: true });
    await api.gql(SCAN, { token, atFairId: fairs[0].id }, township);
    const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM fair_attendance WHERE seeker_id = $1', [seekerId]);
    expect(n).toBe(1);
    const stranger = await verifiedEmployer(api, county);
    const notAtFair = await api.gql(SCAN, { token, atFairId: fairs[0].id }, stranger.token);
    expect(notAtFair.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records every scan without an IP address, countable per code and day', async () => {
    const { token } = (await issue('GIG_STATION', stationId, township, { label: '乡政府门口' })).data!.issueServiceCode;
    await api.gql(SCAN, { token }, undefined, { 'user-agent': 'Mozilla/5.0 (Linux; Android 10) MicroMessenger/8.0' });
    await fetch(`${api.url}/c/${token}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone)' } });
    await api.app.get(ScanEventRecorder).flush();
    const rows: { client: string; channel: string }[] = await api.dataSource.query(
      `SELECT e.client, e.channel FROM scan_event e JOIN service_code c ON c.id = e.code_id WHERE c.token = $1 ORDER BY e.id`,
      [token],
    );
    expect(rows).toEqual([
      { client: 'WECHAT', channel: 'GRAPHQL' },
      { client: 'IOS', channel: 'PAGE' },
    ]);
    const counts = await api.gql<{ scanCounts: { scans: number; label: string; token: string }[] }>(
      `query($input: ScanCountsInput!) { scanCounts(input: $input) { day targetKind token label scans signedInScans } }`,
      { input: { from: daysFromToday(-7), to: daysFromToday(1), groupBy: 'CODE', targetKind: 'GIG_STATION' } },
      township,
    );
    expect(counts.data?.scanCounts.find((c) => c.token === token)).toMatchObject({ label: '乡政府门口', scans: 2 });
    const elsewhere = await api.gql<{ scanCounts: unknown[] }>(
      `query($input: ScanCountsInput!) { scanCounts(input: $input) { scans } }`,
      { input: { from: daysFromToday(-7), to: daysFromToday(1), groupBy: 'TARGET' } },
      otherTownship,
    );
    expect(elsewhere.data?.scanCounts).toEqual([]);
    // A county day runs from 00:00 to 24:00 on the county's clock (UTC+8), whatever the database's time zone.
    await api.dataSource.query(
      `INSERT INTO scan_event (code_id, target_kind, target_id, region_code, scanned_at, account_id, client, channel)
       SELECT e.code_id, e.target_kind, e.target_id, e.region_code, at::timestamptz, NULL, e.client, e.channel
         FROM (SELECT * FROM scan_event WHERE code_id = (SELECT id FROM service_code WHERE token = $1) LIMIT 1) e, unnest($2::text[]) AS at`,
      [token, ['2025-03-01T00:30:00+08:00', '2025-03-01T23:30:00+08:00', '2025-03-02T00:30:00+08:00']],
    );
    const oneDay = await api.gql<{ scanCounts: { day: string; token: string; scans: number }[] }>(
      `query($input: ScanCountsInput!) { scanCounts(input: $input) { day token scans } }`,
      { input: { from: '2025-03-01', to: '2025-03-01', groupBy: 'CODE', targetKind: 'GIG_STATION' } },
      township,
    );
    expect(oneDay.data?.scanCounts).toEqual([{ day: '2025-03-01', token, scans: 2 }]);
    const columns: { column_name: string }[] = await api.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'scan_event'`);
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['ip']));
  });

  it('serves a small Chinese scan page that needs no JavaScript', async () => {
    const { token } = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode;
    const response = await fetch(`${api.url}/c/${token}`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('瓜里乡零工中心');
    expect(html).toContain('番茄采摘（近）');
    expect(html).toContain(`<a href="/m/check-in?token=${token}">零工签到（今天在本站预约了班次的点这里）</a>`);
    expect(html).not.toContain('<script');
    expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
    const missing = await fetch(`${api.url}/c/3J98t1WpEZ73CNmQviecrn`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('此码无效或已停用');
  });

  it('serves SVG and PNG images and an A4 poster whose QR codes decode back to the URL', async () => {
    const code = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode;
    expect(readQrFromSvg(await (await fetch(code.svgUrl.replace('https://jobs.ziyuan.example.cn', api.url))).text(), 400)).toBe(code.url);
    const png = Buffer.from(await (await fetch(`${code.pngUrl.replace('https://jobs.ziyuan.example.cn', api.url)}?size=512`)).arrayBuffer());
    expect(readQrFromPng(png)).toBe(code.url);

    const poster = await fetch(code.posterUrl!.replace('https://jobs.ziyuan.example.cn', api.url));
    expect(poster.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await poster.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'poster-'));
    writeFileSync(join(dir, 'poster.pdf'), pdf);
    let rendered: Buffer | undefined;
    try {
      execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', join(dir, 'poster.pdf'), join(dir, 'page')]);
      rendered = readFileSync(join(dir, 'page.png'));
    } catch {
      console.warn('pdftoppm (poppler-utils) not installed: the poster QR round trip is checked through the PDF text only');
    }
    if (rendered) expect(readQrFromPng(rendered)).toBe(code.url);
    const text = pdfPages(pdf).pages.join('\n');
    expect(text).toContain('瓜里乡零工中心');
    expect(text).toContain('扫码查看岗位、在线报名');
    expect(text).toContain('资源县人力资源和社会保障局');
  }, 180_000);

  it('slows and then refuses a client that guesses tokens, while a normal scanner is unaffected', async () => {
    const guesser = { 'x-forwarded-for': '203.0.113.77' };
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= SCAN_MISSES_ALLOWED; i++) {
      const result = await api.gql(SCAN, { token: `Guess${i}x1WpEZ73CNmQv` }, undefined, guesser);
      codes.push(result.errors?.[0].extensions?.code as string | undefined);
    }
    expect(codes.slice(0, SCAN_MISSES_ALLOWED)).toEqual(Array(SCAN_MISSES_ALLOWED).fill('NOT_FOUND'));
    expect(codes[SCAN_MISSES_ALLOWED]).toBe('RATE_LIMITED');
    const { token } = (await issue('GIG_STATION', stationId, township)).data!.issueServiceCode;
    const blocked = await api.gql(SCAN, { token }, undefined, guesser);
    expect(blocked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const normal = await api.gql<ScanData>(SCAN, { token }, undefined, { 'x-forwarded-for': '203.0.113.78' });
    expect(normal.data?.scan.__typename).toBe('GigStationScan');
  });
});
