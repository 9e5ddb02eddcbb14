import { Role } from '@jobcode/common';

import { verifiedEmployer } from '../builders/employer.builder';
import { openJob } from '../builders/job.builder';
import { collectPageErrors, describeInBrowser, expectAccessible, launchBrowser, PHONE, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describeInBrowser('a person browses jobs on the phone pages (/m/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let jobId: string;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    const county = (await api.signedIn(Role.STAFF, '450329', '县人社局')).token;
    const employer = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    jobId = await openJob(api, employer.token, { employerId: employer.employerId, title: '番茄采摘工' });
    await openJob(api, employer.token, {
      employerId: employer.employerId,
      title: '大棚缝纫工',
      kind: 'PART_TIME',
      benefits: { board: false, lodging: false, transport: true, socialInsurance: false },
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens the job list from /, then a job, in Chinese', async () => {
    const context = await browser.context(PHONE);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/m\/$/);
    await page.getByRole('link', { name: /番茄采摘工/ }).waitFor();
    await page.getByText('共 2 个岗位').waitFor();
    await screenshot(page, 'seeker', 'job-list');
    await expectAccessible(page);

    await page.getByRole('link', { name: /番茄采摘工/ }).click();
    await page.waitForURL(new RegExp(`/m/jobs/${jobId}$`));
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    await page.getByText('金江番茄种植专业合作社').waitFor();
    await screenshot(page, 'seeker', 'job-detail');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a deep link to a job directly, and a missing asset is a 404, not the app', async () => {
    const context = await browser.context(PHONE);
    const page = await context.newPage();
    await page.goto(`${api.url}/m/jobs/${jobId}`);
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    const missing = await fetch(`${api.url}/m/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    const shell = await fetch(`${api.url}/m/`, { headers: { 'accept-encoding': 'br' } });
    expect(shell.headers.get('content-encoding')).toBe('br');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    await context.close();
  });
});
