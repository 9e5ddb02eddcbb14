import { Role } from '@jobcode/common';
import { type Page } from 'playwright-core';

import { APPLY } from '../builders/application.builder';
import { REQUEST_CODE, SIGN, textedCode } from '../builders/contract.builder';
import { BOOK, CHECK_IN, moveBookingToNow, station } from '../builders/gig.builder';
import { selfRegisteredSeeker } from '../builders/job-seeker.builder';
import {
  collectPageErrors,
  DESKTOP,
  describeInBrowser,
  EMPLOYER_PHONE,
  expectAccessible,
  launchBrowser,
  screenshot,
  type BrowserSession,
  WEB_DIR,
} from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { textedCodeTo } from '../support/texted-codes';

const SESSION_KEY = 'jobcode.session.employer';

/** A valid unified social credit code (GB 32100 check character), unique per run. */
function creditCode(): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first17 = `93450329MA${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17[i]) * weights[i];
  return `${first17}${charset[(31 - (sum % 31)) % 31]}`;
}

async function must<T>(promise: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const result = await promise;
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Replaces the microphone with a tone, so MediaRecorder records real Opus/WebM in headless Chromium. */
async function fakeMicrophone(page: Page): Promise<void> {
  // A string: the test runs under Node's types, the script in the page.
  await page.addInitScript(`
    navigator.mediaDevices.getUserMedia = async () => {
      const context = new AudioContext();
      const tone = context.createOscillator();
      const sink = context.createMediaStreamDestination();
      tone.connect(sink);
      tone.start();
      await context.resume();
      return sink.stream;
    };
  `);
}

/** Starts a page signed in as the employer (the session the desktop sign-up left in localStorage). */
function restoreSession(value: string): string {
  return `localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(value)});`;
}

describeInBrowser('an employer from sign-up to a gig day (/e/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let county: string;
  let stationToken: string;
  let session = '';
  let jobId = '';
  let contractId = '';
  let gigDay: { worker: { token: string }; booked: string; later: string };
  const phone = `137${String(process.pid % 10000).padStart(4, '0')}${String(Date.now() % 10000).padStart(4, '0')}`;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    county = (await api.signedIn(Role.STAFF, '450329', '县人社局')).token;
    stationToken = (await station(api, county, '瓜里乡零工中心', '450329103', 'TOWNSHIP')).token;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  let page: Page;
  let errors: string[];

  it('signs up with phone + SMS code, registers the company (credit code checked as typed), waits for the county to verify it', async () => {
    page = await (await browser.context(DESKTOP)).newPage();
    errors = collectPageErrors(page);
    await fakeMicrophone(page);

    // Sign up.
    await page.goto(`${api.url}/e/`);
    await page.getByRole('heading', { name: '用人单位登录' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: '用手机号注册' }).click();
    await page.getByLabel('手机号（登录用）').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发到 137\*{4}/).waitFor();
    const code = await textedCodeTo(api, phone);
    await page.getByLabel('短信验证码').fill(code!);
    await page.getByLabel('联系人姓名').fill('蒋师傅');
    await screenshot(page, 'employer', 'sign-up');
    await expectAccessible(page);
    await page.getByRole('button', { name: '注册' }).click();

    // Register the company: the credit code is checked as it is typed.
    await page.getByRole('heading', { name: '登记用人单位' }).waitFor();
    const good = creditCode();
    await page.getByLabel('单位全称（与营业执照一致）').fill('资源县金江番茄种植专业合作社');
    await page.getByLabel('统一社会信用代码（18 位）').fill(`${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`);
    await page.getByText('统一社会信用代码校验位不正确，请核对营业执照上的代码（GB 32100）').waitFor();
    await page.getByLabel('统一社会信用代码（18 位）').fill(good);
    await page.getByText('代码校验通过').waitFor();
    await page.getByRole('combobox', { name: '乡镇' }).click();
    await page.getByRole('option', { name: '瓜里乡' }).click();
    await page.getByRole('combobox', { name: '村' }).click();
    await page.getByRole('option', { name: '金江村' }).click();
    await page.getByLabel('详细地址').fill('资源县瓜里乡金江村委旁');
    await page.getByLabel('联系人手机号').fill(phone);
    await screenshot(page, 'employer', 'company-register');
    await expectAccessible(page);
    await page.getByRole('button', { name: '提交审核' }).click();

    // Pending, then the county verifies it (over the API).
    await page.getByText('正在等待县人社局审核').waitFor();
    await screenshot(page, 'employer', 'company-pending');
    await expectAccessible(page);
    const [{ id: employerId }] = (await api.dataSource.query(`SELECT id FROM employer WHERE credit_code = $1`, [good])) as { id: string }[];

    // Rejected first: the company corrects what the county named and sends it back.
    await must(
      api.gql(
        `mutation($input: RejectEmployerInput!) { rejectEmployer(input: $input) { status } }`,
        { input: { employerId, reason: '详细地址请写到村民小组' } },
        county,
      ),
    );
    await page.getByRole('button', { name: '刷新审核状态' }).click();
    await page.getByText('审核未通过：详细地址请写到村民小组').waitFor();
    await page.getByRole('button', { name: '修改后重新提交' }).click();
    await page.getByRole('heading', { name: '修改单位信息，重新提交审核' }).waitFor();
    await page.getByText('审核意见：详细地址请写到村民小组').waitFor();
    expect(await page.getByLabel('单位全称（与营业执照一致）').inputValue()).toBe('资源县金江番茄种植专业合作社');
    await page.getByRole('button', { name: '重新提交审核' }).click();
    await page.getByText('还没有改动：请按审核意见改正后再提交').waitFor();
    await page.getByLabel('详细地址').fill('资源县瓜里乡金江村 3 组');
    await screenshot(page, 'employer', 'company-correct');
    await expectAccessible(page);
    await page.getByRole('button', { name: '重新提交审核' }).click();
    await page.getByText('正在等待县人社局审核').waitFor();
    await must(api.gql(`mutation($input: VerifyEmployerInput!) { verifyEmployer(input: $input) { status } }`, { input: { employerId } }, county));
    await page.getByRole('button', { name: '刷新审核状态' }).click();
    await page.getByText('今天需要处理的事').waitFor();
    await page.getByText('没有待处理的新报名。').waitFor();
    await screenshot(page, 'employer', 'home-empty');
    await expectAccessible(page);
    session = (await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(SESSION_KEY)})`)) ?? '';
    expect(errors).toEqual([]);
  }, 120_000);

  it('posts a gig job with a refused advert corrected in place, records a voice note, adds a shift, prints the poster', async () => {
    // Post a gig job; the advert screening refuses a phrase, shown at its field with the law.
    await page.getByRole('button', { name: '发布岗位' }).click();
    await page.getByRole('heading', { name: '发布岗位' }).waitFor();
    await page.getByText('零工', { exact: true }).click();
    await page.getByLabel('岗位名称').fill('番茄采摘（日结）');
    await page.getByLabel('工种', { exact: true }).fill('采摘工');
    await page.getByLabel('岗位描述').fill('金江村番茄基地采摘、装箱，限男性，当天结算。');
    await page.getByLabel('任职要求（可不填）').fill('18-50岁，能吃苦');
    await page.getByText('含年龄限制“18-50岁”：会标记给县人社局复核').waitFor();
    await page.getByLabel('招聘人数').fill('10');
    await page.getByLabel('工作时间').fill('7:00–17:00');
    await page.getByLabel('详细地址').fill('资源县瓜里乡金江村番茄基地');
    await page
      .getByText(/所选乡镇|金江村的位置/)
      .first()
      .waitFor();
    await page.getByRole('combobox', { name: '岗位来源' }).click({ force: true });
    await page.getByRole('option', { name: '瓜里乡零工中心' }).click();
    await page.getByRole('button', { name: '发布岗位' }).last().click();
    const refusal = page.locator('.el-form-item', { has: page.getByText('岗位描述', { exact: true }) }).getByText(/《就业促进法》第三条、第二十七条/);
    await refusal.waitFor();
    await screenshot(page, 'employer', 'job-refused');
    await expectAccessible(page);
    await page.getByLabel('岗位描述').fill('金江村番茄基地采摘、装箱，男女不限，当天结算。');
    await page.getByRole('button', { name: '发布岗位' }).last().click();
    await page.getByRole('heading', { name: '番茄采摘（日结）' }).waitFor();
    await page.getByText('招聘中', { exact: true }).waitFor();
    jobId = page.url().split('/').pop()!;

    // Voice note: record, play back, save.
    await page.getByRole('button', { name: '开始录音' }).click();
    await page.getByText(/正在录音 2 \/ 60 秒/).waitFor();
    await page.getByRole('button', { name: '停止' }).click();
    await page.getByRole('button', { name: '保存这段录音' }).click();
    await page.getByText(/现有语音介绍：\d 秒/).waitFor();
    await page.locator('audio[src^="blob:"]').waitFor();
    await screenshot(page, 'employer', 'job-detail');
    await expectAccessible(page);
    const heard = await fetch(`${api.url}/jobs/${jobId}/voice-note`);
    expect(heard.status).toBe(200);
    expect(heard.headers.get('content-type')).toBe('audio/webm');

    // A shift on the calendar.
    await page.getByRole('button', { name: '班次日历' }).click();
    await page.getByRole('button', { name: '添加班次' }).click();
    await page.getByRole('dialog', { name: '添加班次' }).getByLabel('集合地点').fill('金江村村委门口');
    await page.getByRole('dialog', { name: '添加班次' }).getByRole('button', { name: '保存' }).click();
    await page.getByText('已约 0 / 5').waitFor();
    await screenshot(page, 'employer', 'shifts');
    await expectAccessible(page);

    // The code poster.
    await page.goto(`${api.url}/e/jobs/${jobId}/poster`);
    await page.getByRole('button', { name: '生成二维码' }).click();
    await page.getByRole('img', { name: '番茄采摘（日结） 的二维码' }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 120_000);

  it('receives an application, shortlists it and offers a contract with the minimum wage and probation checked as typed', async () => {
    // Two people book the shift for the gig day run below.
    const [{ id: shiftId }] = (await api.dataSource.query(`SELECT id FROM job_shift WHERE job_id = $1`, [jobId])) as { id: string }[];
    const worker = await selfRegisteredSeeker(api, { name: '王桂兰' });
    const late = await selfRegisteredSeeker(api, { name: '赵春梅' });
    gigDay = {
      worker,
      booked: (await must(api.gql<{ bookShift: { id: string } }>(BOOK, { input: { shiftId } }, worker.token))).bookShift.id,
      later: (await must(api.gql<{ bookShift: { id: string } }>(BOOK, { input: { shiftId } }, late.token))).bookShift.id,
    };
    // An application arrives; shortlist; offer a contract with the minimum wage checked as typed.
    const seeker = await selfRegisteredSeeker(api, { name: '李秀英' });
    await must(api.gql(APPLY, { input: { jobId, message: '我家就在金江村' } }, seeker.token));
    await page.goto(`${api.url}/e/jobs/${jobId}/applicants`);
    await page.getByRole('heading', { name: '李秀英' }).waitFor();
    await page.getByRole('button', { name: '入选', exact: true }).click();
    await page.getByText('已入选', { exact: true }).last().waitFor();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.getByText(/1\d{2}\*{4}\d{4}/).waitFor();
    await screenshot(page, 'employer', 'applicants');
    await expectAccessible(page);
    await page.getByRole('button', { name: '发劳动合同' }).click();
    await page.getByRole('heading', { name: '发出劳动合同' }).waitFor();
    await page.getByText(/本县最低工资标准：1690 元\/月/).waitFor();
    await page.getByLabel('工资（元）').fill('100');
    await page.getByLabel('工资（元）').blur();
    await page.getByText('约定工资低于本县最低工资标准（16.1 元/小时，按每天 8 小时即 128.8 元/天），请提高工资').waitFor();
    await page.getByLabel('试用期（月）').fill('3');
    await page.getByLabel('试用期（月）').blur();
    await page.getByText('试用期过长：合同期限一年以上不满三年的，试用期不得超过两个月（《劳动合同法》第十九条）').waitFor();
    await screenshot(page, 'employer', 'offer-checked');
    await expectAccessible(page);
    await page.getByLabel('工资（元）').fill('160');
    await page.getByLabel('试用期（月）').fill('0');
    await page.getByLabel('试用期（月）').blur();
    await page.getByLabel('本单位法定代表人或主要负责人（见营业执照，写入合同）').fill('蒋国强');
    await page.getByRole('button', { name: '发出合同，请劳动者签署' }).click();
    await page.getByText('已发给劳动者，等待本人在手机上签署').waitFor();
    contractId = page.url().split('/').pop()!;
    await expectAccessible(page);

    // The seeker signs on the phone (API); the contract then waits for the company.
    await must(api.gql(REQUEST_CODE, { input: { contractId } }, seeker.token));
    const [{ content_digest: digest }] = (await api.dataSource.query(`SELECT content_digest FROM contract WHERE id = $1`, [contractId])) as {
      content_digest: string;
    }[];
    const signingCode = await textedCode(api, seeker.accountId);
    await must(
      api.gql(
        SIGN,
        { input: { contractId, name: seeker.name, idNumberLast6: seeker.idNumber.slice(-6), code: signingCode, digest, confirmTerms: true } },
        seeker.token,
      ),
    );
    await page.goto(`${api.url}/e/`);
    await page.getByRole('link', { name: '李** 的劳动合同' }).waitFor();
    await page.getByRole('link', { name: /劳动合同.*1/ }).waitFor();
    await screenshot(page, 'employer', 'home');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  }, 120_000);

  it('books a booth at an upcoming fair', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await must(
      api.gql(
        `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id } }`,
        {
          input: {
            name: '瓜里乡春风行动招聘会',
            kind: 'SPRING_CAMPAIGN',
            organiser: '资源县人社局',
            regionCode: '450329103',
            venue: '瓜里乡政府广场',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
          },
        },
        county,
      ),
    );
    await page.goto(`${api.url}/e/fairs`);
    const fair = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '瓜里乡春风行动招聘会' }) });
    await fair.getByRole('button', { name: '预订展位' }).click();
    await fair.getByText(/本单位已订展位。展出的岗位：\s*还没有/).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows every other page with words and no serious accessibility problem', async () => {
    for (const [path, heading] of [
      ['/e/jobs', '岗位'],
      ['/e/fairs', '招聘会'],
      ['/e/notifications', '消息'],
      ['/e/company', '单位信息'],
    ] as const) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
      await screenshot(page, 'employer', path.slice(3));
      await expectAccessible(page);
    }
    // The contract waiting for countersignature, at the office: its check and its address.
    await page.goto(`${api.url}/e/contracts/${contractId}`);
    await page.getByText(/^核验通过：/).waitFor();
    await screenshot(page, 'employer', 'contract-desktop');
    await expectAccessible(page);

    // Account: the token renewed (the old one is refused from then on, the page goes on), then the password changed.
    await page.goto(`${api.url}/e/account`);
    await page.getByRole('heading', { name: '账号与安全', exact: true }).waitFor();
    const before = JSON.parse((await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(SESSION_KEY)})`))!) as { accessToken: string };
    await page.getByRole('button', { name: '现在续期' }).click();
    await page.getByText(/^已续期，本次登录有效到/).waitFor();
    const after = JSON.parse((await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(SESSION_KEY)})`))!) as { accessToken: string };
    expect(after.accessToken).not.toBe(before.accessToken);
    const old = await api.gql<{ me: { id: string } }>(`{ me { id } }`, {}, before.accessToken);
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    await page.getByLabel('新密码（至少 8 位，含字母和数字）').fill('jinjiang2026');
    await page.getByLabel('再输入一次新密码').fill('jinjiang2027');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('两次输入的新密码不一样').waitFor();
    await page.getByLabel('再输入一次新密码').fill('jinjiang2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改。下次登录请用新密码。').waitFor();
    await screenshot(page, 'employer', 'account');
    await expectAccessible(page);
    session = (await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(SESSION_KEY)})`)) ?? '';
    const signIn = await api.gql<{ signIn: { accessToken: string } }>(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { phone, password: 'jinjiang2026' },
    });
    expect(signIn.data?.signIn.accessToken).toBeTruthy();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('countersigns on a 390-px phone and downloads the sealed PDF', async () => {
    const context = await browser.context(EMPLOYER_PHONE);
    await context.addInitScript(restoreSession(session));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/e/contracts/${contractId}`);
    await page.getByRole('heading', { name: '劳动者已签署，等待本单位签署' }).waitFor();
    await screenshot(page, 'employer', 'countersign-phone');
    await expectAccessible(page);
    await page.getByText('我已阅读并核对合同全部条款').click();
    await page.getByRole('button', { name: '本单位签署' }).click();
    await page.getByText(/合同已于 .* 生效并封存/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载封存的合同 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`劳动合同-${contractId.slice(0, 8)}.pdf`);
    const bytes = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The link was minted by createDownloadLink and opened as a plain link: no session header on it.
    expect(download.url()).toMatch(new RegExp(`/contracts/${contractId}/pdf\\?.+=`));
    // The contract's own check, then a copy checked against it: the result and the API's words first.
    await page.getByText(/核验通过：合同内容、签署记录和封存的 PDF 都与平台记录一致/).waitFor();
    await page.getByRole('link', { name: /\/c\// }).waitFor();
    await page.getByLabel('核验手上的一份合同文件（PDF）').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByText(/是平台封存的原件：/).waitFor();
    const tampered = Buffer.concat([bytes, Buffer.from('\n%tampered')]);
    await page.getByLabel('核验手上的一份合同文件（PDF）').setInputFiles({ name: 'copy.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByText(/与这份合同不一致：/).waitFor();
    await screenshot(page, 'employer', 'contract-active-phone');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('runs a gig day on a 390-px phone: confirm, check-in shown by itself, complete, pay, rate; no-show only after the start', async () => {
    const { worker, booked, later } = gigDay;
    await moveBookingToNow(api, booked, -10);
    await moveBookingToNow(api, later, 90);

    const context = await browser.context(EMPLOYER_PHONE);
    await context.addInitScript(restoreSession(session));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/e/roster`);
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^王/ }) });
    const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^赵/ }) });
    await first.getByText('待确认').waitFor();
    await screenshot(page, 'employer', 'roster-phone');
    await expectAccessible(page);
    expect(await second.getByRole('button', { name: '未到岗' }).count()).toBe(0);
    await second.getByText(/开工后仍未签到的才能标记“未到岗”/).waitFor();
    expect(await first.getByRole('button', { name: '未到岗' }).count()).toBe(1);

    await first.getByRole('button', { name: '确认' }).click();
    await first.getByText('已确认').waitFor();
    await must(api.gql(CHECK_IN, { input: { token: stationToken } }, worker.token));
    await first.getByText('已签到').waitFor({ timeout: 25_000 });
    await first.getByRole('button', { name: '完工' }).click();
    await page
      .getByRole('dialog', { name: /^王.* 完工$/ })
      .getByRole('button', { name: '确认完工' })
      .click();
    await first.getByText('已完工').waitFor();
    await first.getByRole('button', { name: '确认已付工钱' }).click();
    await page
      .getByRole('dialog', { name: /^付给 王.* 的工钱$/ })
      .getByRole('button', { name: '确认已付' })
      .click();
    await first.getByText(/已付 150 元/).waitFor();
    await first.getByRole('button', { name: '评价' }).click();
    await page
      .getByRole('dialog', { name: /^评价 王/ })
      .getByRole('button', { name: '提交评价' })
      .click();
    await first.getByText('已评价，双方都评价后公开。').waitFor();
    await screenshot(page, 'employer', 'roster-done-phone');
    await expectAccessible(page);
    const [rating] = (await api.dataSource.query(`SELECT score FROM gig_rating WHERE booking_id = $1`, [booked])) as { score: number }[];
    expect(rating.score).toBe(5);
    await page.goto(`${api.url}/e/account`);
    await page.getByRole('heading', { name: '登录状态' }).waitFor();
    await screenshot(page, 'employer', 'account-phone');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
