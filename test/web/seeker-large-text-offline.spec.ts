import type { BrowserContext } from 'playwright-core';

import { Role } from '@jobcode/common';

import { verifiedEmployer } from '../builders/employer.builder';
import { idNumberFor } from '../builders/job-seeker.builder';
import { openJob } from '../builders/job.builder';
import { describeInBrowser, expectAccessible, launchBrowser, PHONE, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

/** A seeker signed in on this phone, as after the SMS sign-in (the story test walks that page). */
async function signInto(context: BrowserContext, seeker: { token: string; accountId: string; phone: string }): Promise<void> {
  const signedIn = {
    accessToken: seeker.token,
    expiresAt: new Date(Date.now() + 1_500_000).toISOString(),
    sessionExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    account: { id: seeker.accountId, role: 'SEEKER', name: '蒋小红', phone: seeker.phone },
  };
  await context.addInitScript(
    `if (!localStorage.getItem('jobcode.session.seeker')) localStorage.setItem('jobcode.session.seeker', ${JSON.stringify(JSON.stringify(signedIn))});`,
  );
}

describeInBrowser('the phone pages for people who read little, on a link that comes and goes (/m/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let jobId: string;
  let employerFixture: { token: string; employerId: string };

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    const county = (await api.signedIn(Role.STAFF, '450329', '县人社局')).token;
    const employer = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    employerFixture = employer;
    jobId = await openJob(api, employer.token, { employerId: employer.employerId, title: '番茄采摘工' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('keeps large text on after a reload (body ≥ 20 px, buttons ≥ 48 px) and shows no read-aloud button where the phone has no Chinese voice', async () => {
    const context = await browser.context(PHONE);
    const page = await context.newPage();
    await page.goto(`${api.url}/m/me`);
    await page.getByRole('switch', { name: /大字模式/ }).check();
    await page.goto(`${api.url}/m/`);
    await page.getByRole('link', { name: /番茄采摘工/ }).waitFor();
    const sizes = await page.evaluate<{ body: number; search: number; chips: number[] }>(`({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      search: document.querySelector('button[type=submit]').getBoundingClientRect().height,
      chips: [...document.querySelectorAll('nav[aria-label="岗位类型"] button')].map((b) => b.getBoundingClientRect().height),
    })`);
    expect(sizes.body).toBeGreaterThanOrEqual(20);
    expect(sizes.search).toBeGreaterThanOrEqual(48);
    expect(Math.min(...sizes.chips)).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'seeker', 'large-text-list');
    await expectAccessible(page);

    // Headless Chromium has speechSynthesis but no voice, and the job has no voice note: no dead button.
    await page.getByRole('link', { name: /番茄采摘工/ }).click();
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    expect(await page.getByRole('button', { name: /朗读|语音/ }).count()).toBe(0);
    await screenshot(page, 'seeker', 'large-text-job');
    await context.close();
  });

  it('lists the nearest jobs first once the phone gives its location, saves a search, and opens the inbox', async () => {
    // A second job 20 km away from the first, next to where the phone is.
    await openJob(api, employerFixture.token, { employerId: employerFixture.employerId, title: '河口百香果采收工', latitude: 25.9, longitude: 110.75 });
    const seeker = await api.signedIn(Role.SEEKER, null, '蒋小红');
    const context = await browser.context(PHONE);
    await signInto(context, seeker);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 25.9001, longitude: 110.7501 });
    const page = await context.newPage();
    await page.goto(`${api.url}/m/`);
    await page.getByRole('button', { name: '离我最近（已按距离排）' }).waitFor();
    const titles = page.getByRole('heading', { level: 2 });
    await titles.nth(1).waitFor();
    expect(await titles.allInnerTexts()).toEqual(['河口百香果采收工', '番茄采摘工']);
    await page.getByText(/距您 \d+ 米/).waitFor();

    await page.getByRole('searchbox', { name: '搜索岗位' }).fill('baixiangguo');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByText('共 1 个岗位').waitFor();
    await page.getByRole('button', { name: '保存这个搜索' }).click();
    await page.getByText(/已保存“baixiangguo”：有新岗位时会通知您/).waitFor();
    await screenshot(page, 'seeker', 'job-list-nearest-saved');
    await expectAccessible(page);

    await page.goto(`${api.url}/m/saved`);
    await page.getByRole('link', { name: /baixiangguo/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: '删除“baixiangguo”' }).click();
    await page.getByText('还没有保存的搜索。', { exact: false }).waitFor();

    await page.goto(`${api.url}/m/notifications`);
    await page.getByRole('heading', { name: '消息' }).waitFor();
    await page
      .getByText(/还没有消息|未读|已读/)
      .first()
      .waitFor();
    await screenshot(page, 'seeker', 'notifications');
    await expectAccessible(page);
    await context.close();
  });

  it('keeps a registration typed offline on the phone, through a reload, and sends it once the network is back', async () => {
    const seeker = await api.signedIn(Role.SEEKER, null, '蒋小红');
    const context = await browser.context(PHONE);
    await signInto(context, seeker);
    const page = await context.newPage();
    await page.goto(`${api.url}/m/jobs/${jobId}`);
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');

    await page.goto(`${api.url}/m/register`);
    await page.getByLabel('省（区）', { exact: true }).selectOption({ label: '广西壮族自治区' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '桂林市' });
    await page.getByLabel('县', { exact: true }).selectOption({ label: '资源县' });
    await page.getByLabel('乡镇', { exact: true }).selectOption({ label: '瓜里乡' });
    await page.getByLabel('村（社区）', { exact: true }).selectOption({ label: '金江村' });

    await context.setOffline(true);
    await page.getByLabel('身份证号 *').fill(idNumberFor('19900101', 2));
    await page.getByLabel('工种').fill('缝纫');
    await page.getByRole('button', { name: '提交登记' }).click();
    await page.getByText('现在没有网络：您填的内容已保存在手机上，联网后会自动提交。').waitFor();
    await page.reload();
    await page.getByText('现在没有网络：您填的内容已保存在手机上，联网后会自动提交。').waitFor();
    expect(await page.getByLabel('工种').inputValue()).toBe('缝纫');
    await screenshot(page, 'seeker', 'register-offline-kept');
    await expectAccessible(page);

    await context.setOffline(false);
    await page.waitForURL(/\/m\/me\/data$/);
    await page.getByText('资源县瓜里乡金江村').waitFor();
    await page.getByText('缝纫', { exact: true }).waitFor();
    await context.close();
  });
});
