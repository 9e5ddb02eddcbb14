import { readFileSync } from 'node:fs';

import type { BrowserContext, Page } from 'playwright-core';

import { Role } from '@jobcode/common';

import { COUNTERSIGN, termsInput, textedCode } from '../builders/contract.builder';
import { verifiedEmployer } from '../builders/employer.builder';
import { addShift, COMPLETE, moveBookingToNow, PAYMENT, station } from '../builders/gig.builder';
import { idNumberFor, withWrongCheckDigit } from '../builders/job-seeker.builder';
import { openJob } from '../builders/job.builder';
import { collectPageErrors, describeInBrowser, expectAccessible, launchBrowser, PHONE, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { textedCodeTo } from '../support/texted-codes';
import { nextPhone, startTestApp, type TestApp } from '../support/test-app';

/**
 * The seeker's whole story on a 360×740 phone: from a scanned station board to a signed
 * contract and a paid, rated gig shift, then offline, then their own data.
 */
/** The scan page links to PUBLIC_URL/m/…; the browser is sent from there to the test API. */
const PUBLIC_URL = 'https://jobs.ziyuan.example.cn';

describeInBrowser('a person scans a station board and gets work on the phone pages (/m/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let employer: { token: string; employerId: string };
  let stationToken: string;
  let jobId: string;
  let gigJobId: string;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR, PUBLIC_URL });
    browser = await launchBrowser();
    const county = (await api.signedIn(Role.STAFF, '450329', '县人社局')).token;
    employer = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    const guali = await station(api, county, '瓜里乡零工中心', '450329103', 'TOWNSHIP');
    stationToken = guali.token;
    jobId = await openJob(api, employer.token, { employerId: employer.employerId, title: '番茄采摘工', stationId: guali.id });
    gigJobId = await openJob(api, employer.token, {
      employerId: employer.employerId,
      title: '番茄装箱（日结）',
      kind: 'GIG',
      wageMin: 150,
      wageMax: 180,
      wageUnit: 'DAY',
      contractTerm: '按天',
      stationId: guali.id,
    });
    await addShift(api, employer.token, gigJobId, { instantHiring: true, meetingStationId: guali.id, meetingPoint: '瓜里乡零工中心门口' });
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

  it('scans, signs up, registers, applies, signs the contract, works a gig shift, reads offline and corrects their data', async () => {
    const context = await browser.context(PHONE);
    await context.route(`${PUBLIC_URL}/**`, (route) =>
      route.fulfill({ status: 302, headers: { location: route.request().url().replace(PUBLIC_URL, api.url) } }),
    );
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const phone = nextPhone();
    try {
      await story(page, context, errors, phone);
    } catch (error) {
      await screenshot(page, 'seeker', 'story-failure');
      throw error;
    }
    await context.close();
  }, 240_000);

  async function story(page: Page, context: BrowserContext, errors: string[], phone: string): Promise<void> {
    const idNumber = idNumberFor('19850315', 2);

    // The scan: the no-JavaScript station page leads to the job.
    await page.goto(`${api.url}/c/${stationToken}`);
    await page.getByRole('heading', { name: '瓜里乡零工中心' }).waitFor();
    await page.getByRole('link', { name: '番茄采摘工' }).first().click();
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    await page.getByText('已认证单位').waitFor();
    await page.getByText('包吃').waitFor();
    await seen(page, 'job-detail');

    // Apply → sign up by SMS code.
    await page.getByRole('link', { name: '在线报名' }).click();
    await page.waitForURL(/\/m\/sign-in\?redirect=/);
    await page.getByRole('button', { name: '第一次使用？点这里注册' }).click();
    await page.getByLabel('姓名').fill('黄秀英');
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(/验证码已发到/).waitFor();
    await page.getByLabel('验证码').fill('000000');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByText(/验证码不正确，请核对短信后重试/).waitFor();
    await seen(page, 'sign-up-wrong-code');
    await page.getByLabel('验证码').fill((await textedCodeTo(api, phone))!);
    await page.getByRole('button', { name: '注册并登录' }).click();

    // 求职登记: the ID number is checked as typed; the village picked down the region tree.
    await page.waitForURL(/\/m\/register\?redirect=/);
    await page.getByRole('heading', { name: '求职登记' }).waitFor();
    await page.getByLabel('身份证号 *').fill(withWrongCheckDigit(idNumber));
    await page.getByText('身份证号有误（最后一位校验不对），请逐位核对').waitFor();
    await page.getByLabel('身份证号 *').fill(idNumber);
    await page.getByText('出生日期 1985年3月15日，女').waitFor();
    await page.getByLabel('省（区）', { exact: true }).selectOption({ label: '广西壮族自治区' });
    await page.getByLabel('市', { exact: true }).selectOption({ label: '桂林市' });
    await page.getByLabel('县', { exact: true }).selectOption({ label: '资源县' });
    await page.getByLabel('乡镇', { exact: true }).selectOption({ label: '瓜里乡' });
    await page.getByLabel('村（社区）', { exact: true }).selectOption({ label: '金江村' });
    await page.getByLabel('工种').fill('采摘、装箱');
    await page.getByLabel('要照顾老人或小孩，只能在家附近干').check();
    await seen(page, 'register');
    await page.getByRole('button', { name: '提交登记' }).click();

    // Apply, told that the employer will see the phone.
    await page.getByText(/会看到您的姓名、手机号/).waitFor();
    await seen(page, 'apply');
    await page.getByRole('button', { name: '确认报名' }).click();
    await page.getByText('报名成功：单位查看后会通知您。').waitFor();
    await page.getByText('已报名，等待单位查看', { exact: true }).waitFor();
    await seen(page, 'applications');

    // The employer shortlists and offers a contract (over the API).
    const applications = await api.gql<{ jobApplications: { id: string }[] }>(
      `query($id: ID!) { jobApplications(jobId: $id) { id } }`,
      { id: jobId },
      employer.token,
    );
    const applicationId = applications.data!.jobApplications[0].id;
    await api.gql(`mutation($i: MoveApplicationInput!) { moveApplication(input: $i) { id } }`, { i: { applicationId, move: 'SHORTLIST' } }, employer.token);
    const offered = await api.gql<{ offerContract: { id: string; contentDigest: string } }>(
      `mutation($i: OfferContractInput!) { offerContract(input: $i) { id contentDigest } }`,
      { i: { applicationId, terms: termsInput() } },
      employer.token,
    );
    const contract = offered.data!.offerContract;

    // Read and sign: name + last 6 of the ID number + SMS code.
    await page.reload();
    await page.getByRole('link', { name: '查看并签署劳动合同' }).click();
    await page.getByRole('heading', { name: '金江番茄种植专业合作社' }).waitFor();
    await page.getByText('2800 元/月').waitFor();
    await page.getByLabel('身份证后 6 位').fill(idNumber.slice(-6));
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('签署验证码已发到您的手机').waitFor();
    const accountId = await page.evaluate<string>(`JSON.parse(localStorage.getItem('jobcode.session.seeker')).account.id`);
    await page.getByLabel('短信验证码').fill(await textedCode(api, accountId));
    await page.getByLabel('我已阅读并同意合同全部条款').check();
    await seen(page, 'contract-sign');
    await page.getByRole('button', { name: '签署合同' }).click();
    await page.getByText('签署成功。单位盖章后合同生效，届时可下载盖章合同。').waitFor();

    // The employer countersigns; the sealed PDF downloads from a tapped link.
    const countersigned = await api.gql(COUNTERSIGN, { input: { contractId: contract.id, digest: contract.contentDigest } }, employer.token);
    expect(countersigned.errors).toBeUndefined();
    await page.reload();
    await page.getByText('已生效', { exact: true }).waitFor();
    // The tap mints a 5-minute download link (createDownloadLink) and opens it: no token in a header.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载盖章合同 PDF' }).click()]);
    expect(new URL(pdf.url()).pathname).toBe(`/contracts/${contract.id}/pdf`);
    expect(new URL(pdf.url()).searchParams.size).toBe(1);
    expect(pdf.suggestedFilename()).toBe(`劳动合同-${contract.id.slice(0, 8)}.pdf`);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await seen(page, 'contract-active');

    // A gig shift: booked from the station's board, checked in by opening the station's code.
    await page.goto(`${api.url}/c/${stationToken}`);
    await page.getByRole('link', { name: '番茄装箱（日结）' }).first().click();
    await page.getByText('还剩 3 个名额（共 3 个）').waitFor();
    await seen(page, 'gig-job');
    await page.getByRole('button', { name: /^预约/ }).click();
    await page.getByText('预约成功。到时候到集合点，扫驿站墙上的码签到。').waitFor();
    await page.getByText('单位已确认，按时到集合点签到', { exact: true }).waitFor();
    await seen(page, 'gig-booked');
    const [booking] = (await api.dataSource.query(`SELECT id FROM gig_booking WHERE job_id = $1`, [gigJobId])) as { id: string }[];
    await moveBookingToNow(api, booking.id, -5);

    await page.goto(`${api.url}/c/${stationToken}`);
    await page.getByRole('link', { name: /零工签到/ }).click();
    await page.getByRole('button', { name: '签到' }).click();
    await page.getByText(/签到成功：番茄装箱（日结）/).waitFor();
    await seen(page, 'gig-checked-in');

    // The employer completes the shift and pays; the person confirms the pay and rates.
    // (The shift is moved back so that its 8 hours have passed: a booking cannot be completed for more hours than since its start.)
    await moveBookingToNow(api, booking.id, -8 * 60 - 10);
    const completed = await api.gql(COMPLETE, { input: { bookingId: booking.id, hoursWorked: 8 } }, employer.token);
    expect(completed.errors).toBeUndefined();
    const paid = await api.gql(PAYMENT, { input: { bookingId: booking.id, amount: 160, paidAt: new Date().toISOString() } }, employer.token);
    expect(paid.errors).toBeUndefined();
    await page.getByRole('link', { name: '看我的零工' }).click();
    await page.getByText('已完工，请确认工钱', { exact: true }).waitFor();
    await page.getByLabel('实际收到').fill('160');
    await page.getByRole('button', { name: '确认已收到工钱' }).click();
    await page.getByText('工钱已结清', { exact: true }).waitFor();
    await page.getByRole('radio', { name: '5 分' }).check({ force: true });
    await page.getByLabel('一句话评价').fill('按时结账，活不累');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('评价已提交：5 分 按时结账，活不累（双方都评价后公开）').waitFor();
    await seen(page, 'gig-paid-rated');

    // Offline: the job opened before is still there, with its age.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.goto(`${api.url}/m/jobs/${jobId}`);
    await page.getByRole('heading', { name: '番茄采摘工' }).waitFor();
    await page.getByText(/的信息（现在没有网络，联网后会更新）/).waitFor();
    await page.getByText('当前没有网络：显示的是您之前看过的信息；报名、签合同等需要联网').waitFor();
    await seen(page, 'offline-job');
    await context.setOffline(false);

    // My data: correct it, see who read it, download a copy.
    await page.goto(`${api.url}/m/me/data`);
    await page.getByText('采摘、装箱').waitFor();
    await page.getByRole('link', { name: '更正我的信息' }).click();
    await page.getByLabel('工种').fill('采摘、装箱、缝纫');
    await page.getByRole('button', { name: '保存更正' }).click();
    await page.getByText('已保存更正。').waitFor();
    await page.getByText('采摘、装箱、缝纫').waitFor();
    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载副本文件（JSON）' }).click()]);
    expect(copy.suggestedFilename()).toBe('我的个人信息.json');
    const saved = JSON.parse(readFileSync((await copy.path())!, 'utf8')) as {
      profile: { idNumber: string; wantedOccupations: string[] };
      contracts: unknown[];
    };
    expect(saved.profile.idNumber).toBe(idNumber);
    expect(saved.profile.wantedOccupations).toEqual(['采摘', '装箱', '缝纫']);
    expect(saved.contracts).toHaveLength(1);
    await page.reload();
    // The copy is read on the server (not through the logged full-read fields), so the list says who else looked, in words.
    await page.getByRole('heading', { name: '谁查看过我的完整身份证号或手机号' }).waitFor();
    await page
      .getByText(/还没有人查看过|查看了(身份证号|手机号)/)
      .first()
      .waitFor();
    await seen(page, 'my-data');

    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
  }
});
