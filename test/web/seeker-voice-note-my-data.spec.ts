import type { BrowserContext, Page } from 'playwright-core';

import { Role } from '@jobcode/common';

import { webmAudio } from '../builders/audio.builder';
import { contractFlow } from '../builders/contract.builder';
import { type EmployerFixture, verifiedEmployer } from '../builders/employer.builder';
import { idNumberFor, REGISTER, registration, type SeekerFixture, seekerPhone, selfRegisteredSeeker } from '../builders/job-seeker.builder';
import { openJob } from '../builders/job.builder';
import { collectPageErrors, describeInBrowser, expectAccessible, launchBrowser, PHONE, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { textedCodeTo } from '../support/texted-codes';
import { startTestApp, type TestApp } from '../support/test-app';

/** A seeker signed in on this phone, as after the SMS sign-in (the story test walks that page). */
async function signInto(context: BrowserContext, seeker: SeekerFixture, api: TestApp): Promise<void> {
  await context.route(`${PUBLIC_URL}/**`, (route) => route.fulfill({ status: 302, headers: { location: route.request().url().replace(PUBLIC_URL, api.url) } }));
  const signedIn = {
    accessToken: seeker.token,
    expiresAt: new Date(Date.now() + 1_500_000).toISOString(),
    sessionExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    account: { id: seeker.accountId, role: 'SEEKER', name: seeker.name, phone: seeker.accountPhone },
  };
  await context.addInitScript(
    `if (!localStorage.getItem('jobcode.session.seeker')) localStorage.setItem('jobcode.session.seeker', ${JSON.stringify(JSON.stringify(signedIn))});`,
  );
}

/** Download links point at PUBLIC_URL; the browser is sent from there to the test API. */
const PUBLIC_URL = 'https://jobs.ziyuan.example.cn';

describeInBrowser('the job’s voice note, and my data: a printable copy and deletion (/m/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let employer: EmployerFixture;
  let county: string;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR, PUBLIC_URL });
    browser = await launchBrowser();
    county = (await api.signedIn(Role.STAFF, '450329', '县人社局')).token;
    employer = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const seen = async (page: Page, name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'seeker', name);
    await expectAccessible(page);
  };

  it('plays the employer’s recorded voice note on a phone without a Chinese voice', async () => {
    const jobId = await openJob(api, employer.token, { employerId: employer.employerId, title: '番茄采摘工' });
    const recording = webmAudio(9);
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(recording)], { type: 'audio/webm' }), 'note.webm');
    const uploaded = await fetch(`${api.url}/jobs/${jobId}/voice-note`, { method: 'POST', body: form, headers: { authorization: `Bearer ${employer.token}` } });
    expect(uploaded.status).toBe(200);

    const context = await browser.context(PHONE);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/m/jobs/${jobId}`);
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    // Headless Chromium has speechSynthesis but no voice (as WeChat on Android): the recording is offered instead.
    const play = page.getByRole('button', { name: '听岗位语音介绍（9 秒）' });
    await play.waitFor();
    const src = await page.locator('audio').getAttribute('src');
    expect(src).toMatch(new RegExp(`^/jobs/${jobId}/voice-note\\?v=`));
    const served = await page.request.get(`${api.url}${src}`);
    expect(served.status()).toBe(200);
    expect(Buffer.from(await served.body()).equals(recording)).toBe(true);
    await seen(page, 'job-voice-note');
    await play.click();
    // The tap starts the recording from this origin (the CSP's media-src 'self' lets it load).
    await page.waitForFunction(`document.querySelector('audio').currentSrc !== '' && document.querySelector('audio').networkState !== 3`);
    expect(errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    await context.close();
  });

  it('opens a printable copy by a tap, then deletes everything and signs the person out', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '蒋小红' });
    const context = await browser.context(PHONE);
    await signInto(context, seeker, api);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/m/me/data`);
    await page.getByRole('heading', { name: '平台保存的您的信息' }).waitFor();
    await page.getByText('蒋小红', { exact: true }).first().waitFor();
    await page.getByText('还没有人查看过。').waitFor();
    await seen(page, 'my-data-registered');

    // The printable copy opens from a minted link (no token in a header): the full ID number is in it.
    await page.getByRole('link', { name: '打开可打印的副本（网页）' }).click();
    await page.waitForURL(/\/privacy\/my-data\.html\?/);
    await page.getByRole('heading', { name: '我的个人信息', level: 1 }).waitFor();
    await page.getByText(seeker.idNumber).first().waitFor();
    // Read as words, not codes: 初中, 有劳动能力, 3000 元/月, dates in Chinese.
    const printed = await page.locator('body').innerText();
    expect(printed).toContain('初中');
    expect(printed).toContain('有劳动能力');
    expect(printed).toContain('3000 元/月');
    expect(printed).toMatch(/生成于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(printed).not.toMatch(/JUNIOR_HIGH|FULL|MALE|UNKNOWN|true|false|T\d{2}:\d{2}/);
    await screenshot(page, 'seeker', 'my-data-printable');
    await page.goBack();
    await page.getByRole('heading', { name: '删除我的信息' }).waitFor();

    await page.getByRole('button', { name: '申请删除我的信息' }).click();
    const dialog = page.getByRole('dialog', { name: '确认删除我的信息？' });
    await dialog.getByText('账号会注销，您会退出登录').waitFor();
    await dialog.getByLabel('原因（可不填）').fill('已经找到工作了');
    await seen(page, 'my-data-delete-confirm');
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await page.getByRole('heading', { name: '您的信息已删除，账号已注销' }).waitFor();
    await page.getByText(/您的个人信息已于\d{4}年\d{1,2}月\d{1,2}日删除/).waitFor();
    expect(await page.evaluate(`localStorage.getItem('jobcode.session.seeker')`)).toBeNull();
    await seen(page, 'my-data-deleted');
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.waitForURL(/\/m\/$/);
    // (A reload would run this test's sign-in script again: follow the tab bar instead.)
    await page.getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('link', { name: '手机号登录 / 注册' }).waitFor();

    const [row] = (await api.dataSource.query(`SELECT name, account_id FROM job_seeker WHERE id = $1`, [seeker.jobSeekerId])) as {
      name: string;
      account_id: string | null;
    }[];
    expect(row?.name ?? null).not.toBe('蒋小红');
    expect(errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    await context.close();
  });

  it('with a labour contract: says what is kept and until when, and the person stays signed in', async () => {
    const flow = contractFlow(api, employer);
    const contract = await flow.active();
    const context = await browser.context(PHONE);
    await signInto(context, contract.seeker, api);
    const page = await context.newPage();
    await page.goto(`${api.url}/m/me/data`);
    await page.getByText('劳动合同：金江番茄种植专业合作社', { exact: false }).waitFor();
    await page.getByRole('button', { name: '申请删除我的信息' }).click();
    const dialog = page.getByRole('dialog', { name: '确认删除我的信息？' });
    await dialog.getByText(/合同和签署记录依法保存到合同解除或终止后二年/).waitFor();
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await page.getByRole('heading', { name: '删除请求已处理' }).waitFor();
    await page
      .getByText(/劳动合同 1 份及其签署记录/)
      .first()
      .waitFor();
    await page.getByText(/^保存到：\d{4}年\d{1,2}月\d{1,2}日$/).waitFor();
    await seen(page, 'my-data-restricted');
    expect(await page.evaluate(`localStorage.getItem('jobcode.session.seeker')`)).not.toBeNull();
    // Asking again shows the same answer, not a second button.
    await page.reload();
    await page.getByRole('heading', { name: '删除请求已处理' }).waitFor();
    expect(await page.getByRole('button', { name: '申请删除我的信息' }).count()).toBe(0);
    await context.close();
  });

  it('registers with skills, training wanted, education and a start date, then sees 为您推荐 on the job list', async () => {
    await openJob(api, employer.token, { employerId: employer.employerId, title: '车间缝纫工', occupation: '缝纫工' });
    const account = await api.signedIn(Role.SEEKER, null, '韦春梅');
    const context = await browser.context(PHONE);
    await signInto(context, { token: account.token, accountId: account.accountId, name: '韦春梅', accountPhone: account.phone } as SeekerFixture, api);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/m/register`);
    await page.getByRole('heading', { name: '求职登记' }).waitFor();
    await page.getByLabel('身份证号 *').fill(idNumberFor('19900101', 2));
    await page.getByLabel('省（区）', { exact: true }).selectOption({ label: '广西壮族自治区' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '桂林市' });
    await page.getByLabel('县', { exact: true }).selectOption({ label: '资源县' });
    await page.getByLabel('乡镇', { exact: true }).selectOption({ label: '瓜里乡' });
    await page.getByLabel('村（社区）', { exact: true }).selectOption({ label: '金江村' });
    await page.getByLabel('工种').fill('缝纫工');
    await page.getByLabel('技能').fill('缝纫、锁边');
    await page.getByLabel('想学的技术').fill('电商');
    await page.getByLabel('文化程度').selectOption({ label: '初中' });
    await page.getByLabel('哪天能上岗').fill('2027-01-04');
    await seen(page, 'register-more-fields');
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.waitForURL(/\/m\/me\/data$/);
    await page.getByText('缝纫、锁边', { exact: true }).waitFor();
    await page.getByText('电商', { exact: true }).waitFor();
    await page.getByText('初中', { exact: true }).waitFor();
    await page.getByText('2027年1月4日', { exact: true }).waitFor();

    await page.goto(`${api.url}/m/`);
    await page.getByRole('heading', { name: '为您推荐' }).waitFor();
    const recommended = page.getByRole('region', { name: '为您推荐' });
    await recommended.getByRole('link', { name: /车间缝纫工/ }).waitFor();
    await recommended
      .getByText(/^推荐理由：/)
      .first()
      .waitFor();
    await seen(page, 'job-list-recommended');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('claims a registration made at the desk: name, ID number and a code texted to the phone on record', async () => {
    const deskPhone = seekerPhone();
    const idNumber = idNumberFor('19700808', 1);
    const desk = await api.gql(REGISTER, { input: registration({ name: '潘大勇', idNumber, phone: deskPhone }) }, county);
    expect(desk.errors).toBeUndefined();
    const account = await api.signedIn(Role.SEEKER, null, '潘大勇');
    const context = await browser.context(PHONE);
    await signInto(context, { token: account.token, accountId: account.accountId, name: '潘大勇', accountPhone: account.phone } as SeekerFixture, api);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/m/register`);
    await page.getByRole('button', { name: '已在村、乡镇登记过？认领我的登记' }).click();
    await page.getByRole('heading', { name: '认领我的登记' }).waitFor();
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('登记手机号').fill(deskPhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(`验证码已发到 ${deskPhone.slice(0, 3)}****${deskPhone.slice(-4)}`).waitFor();
    await page.getByLabel('验证码').fill('000000');
    await page.getByRole('button', { name: '认领我的登记' }).click();
    await page.getByText(/验证码不正确/).waitFor();
    await seen(page, 'register-claim');
    await page.getByLabel('验证码').fill((await textedCodeTo(api, deskPhone))!);
    await page.getByRole('button', { name: '认领我的登记' }).click();
    await page.waitForURL(/\/m\/me\/data$/);
    await page.getByText('潘大勇', { exact: true }).first().waitFor();
    await page.getByText('车间普工', { exact: true }).waitFor();
    expect(errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    await context.close();
  });
});
