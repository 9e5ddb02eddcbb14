import { Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { NotificationsService } from '@jobcode/notifications';
import { OutboxService } from '@jobcode/outbox';
import { generate } from 'otplib';
import { type BrowserContext, type Page } from 'playwright-core';

import { jobInput, POST_JOB } from '../builders/job.builder';
import { addShift, BOOK, CONFIRM, gigWorld, type GigWorld, moveBookingToNow, seeker, serviceCode } from '../builders/gig.builder';
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
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

const SESSION_KEY = 'jobcode.session.employer';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken expiresAt sessionExpiresAt account { id role name phone } } }`;

async function must<T>(promise: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const result = await promise;
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const codeAt = (secret: string, offsetSeconds = 0, at = Math.floor(Date.now() / 1000)) => generate({ secret, epoch: at + offsetSeconds });

async function phoneOf(api: TestApp, token: string): Promise<string> {
  return (await must(api.gql<{ me: { phone: string } }>(`{ me { phone } }`, {}, token))).me.phone;
}

/** What the console keeps in localStorage after signing in, for an account signed in over the API. */
async function storedSession(api: TestApp, token: string): Promise<string> {
  const { signIn } = await must(api.gql<{ signIn: unknown }>(SIGN_IN, { input: { phone: await phoneOf(api, token), password: TEST_PASSWORD } }));
  return JSON.stringify(signIn);
}

/** Replaces the camera with a canvas showing one QR image, so the page reads a real code from video frames. */
async function cameraShowing(context: BrowserContext, imagePath: string): Promise<void> {
  await context.addInitScript(`
    navigator.mediaDevices.getUserMedia = async () => {
      const image = await createImageBitmap(await (await fetch(${JSON.stringify(imagePath)})).blob());
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 360;
      const context = canvas.getContext('2d');
      const draw = () => {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 480, 360);
        context.drawImage(image, 90, 30, 300, 300);
      };
      draw();
      setInterval(draw, 100);
      return canvas.captureStream(10);
    };
  `);
}

describeInBrowser('an employer keeps the company, the codes and the day’s check-ins (/e/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let world: GigWorld;
  let session = '';

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    world = await gigWorld(api);
    session = await storedSession(api, world.farm.token);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function phonePage(stored = session): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    const context = await browser.context(EMPLOYER_PHONE);
    await context.addInitScript(`localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(stored)});`);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page), context };
  }

  it('edits the company on a phone: the API’s message at the field, the verified credit code locked; lists its accounts and adds a colleague', async () => {
    const { page, errors, context } = await phonePage();
    await page.goto(`${api.url}/e/company`);
    await page.getByRole('heading', { name: '单位信息', exact: true }).waitFor();
    await page.getByText('单位联系人（您）').waitFor();
    await page.getByRole('button', { name: '修改单位信息' }).click();
    expect(await page.getByLabel('统一社会信用代码').isDisabled()).toBe(true);
    await page.getByLabel('法定代表人或主要负责人（见营业执照，写入劳动合同）').fill('蒋国强');
    await page.getByLabel('详细地址').fill('资源县瓜里乡金江村 3 组');
    await page.getByLabel('联系人手机号').fill('1387733');
    await page.getByRole('button', { name: '保存' }).click();
    // The API's own words, under the field they are about.
    const phoneField = page.locator('.el-form-item', { has: page.getByText('联系人手机号', { exact: true }) });
    await phoneField.getByText('手机号应为 11 位，以 1 开头，例如 13812345678').waitFor();
    await screenshot(page, 'employer', 'company-edit-refused-phone');
    await expectAccessible(page);
    await page.getByLabel('联系人手机号').fill('13977330001');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('单位信息已保存。之后发出的劳动合同使用新的信息，已签的合同不变。').waitFor();
    await page.getByText('蒋国强').waitFor();
    await page.getByText('资源县瓜里乡金江村 3 组').waitFor();
    const [row] = (await api.dataSource.query(`SELECT legal_representative, address FROM employer WHERE id = $1`, [world.farm.employerId])) as {
      legal_representative: string;
      address: string;
    }[];
    expect(row).toEqual({ legal_representative: '蒋国强', address: '资源县瓜里乡金江村 3 组' });
    await screenshot(page, 'employer', 'company-saved-phone');
    await expectAccessible(page);

    // A colleague: added by phone, listed as an account who is not the administrator.
    const colleague = await api.signedIn(Role.EMPLOYER, null, '蒋小红');
    await page.getByLabel('同事的手机号').fill(colleague.phone);
    await page.getByRole('button', { name: '添加账号' }).click();
    await page.getByText(`已添加：${colleague.phone} 现在可以登录本单位的控制台。`).waitFor();
    const accounts = page.getByRole('list', { name: '本单位的账号' });
    await accounts.getByRole('heading', { name: '蒋小红' }).waitFor();
    await accounts.getByText(`${colleague.phone.slice(0, 3)}****${colleague.phone.slice(7)}`, { exact: false }).waitFor();
    await screenshot(page, 'employer', 'company-accounts-phone');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();

    // The colleague sees the company and its accounts, but may not change them.
    const other = await phonePage(await storedSession(api, colleague.token));
    await other.page.goto(`${api.url}/e/company`);
    await other.page.getByText('蒋小红（您）').waitFor();
    await other.page.getByText('添加同事的账号、修改单位信息，请联系本单位管理员（单位联系人）。').waitFor();
    expect(await other.page.getByRole('button', { name: '修改单位信息' }).count()).toBe(0);
    await expectAccessible(other.page);
    expect(other.errors).toEqual([]);
    await other.context.close();
  }, 120_000);

  it('checks a seeker in on the roster by scanning the person’s code with the phone camera; a wrong code is refused at the field', async () => {
    const shiftId = await addShift(api, world.farm.token, world.jobId);
    const worker = await seeker(api, '王桂兰');
    const booked = (await must(api.gql<{ bookShift: { id: string } }>(BOOK, { input: { shiftId } }, worker.token))).bookShift.id;
    await must(api.gql(CONFIRM, { input: { bookingId: booked } }, world.farm.token));
    await moveBookingToNow(api, booked, -10);
    const personal = await serviceCode(api, 'SEEKER', worker.jobSeekerId, '450329103201');

    const { page, errors, context } = await phonePage();
    await cameraShowing(context, `/c/${personal}/qr.png`);
    await page.goto(`${api.url}/e/roster`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^王/ }) });
    await card.getByText('已确认').waitFor();
    await page.getByRole('button', { name: '扫码签到' }).click();
    await page.getByText('签到地点：瓜里乡零工中心').waitFor();

    // The station's own code typed in: the API says what to scan, at the field.
    await page.getByLabel('个人码网址或码值').fill(`${api.url}/c/${world.stationToken}`);
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByText('请扫求职者的个人就业服务码').waitFor();
    await screenshot(page, 'employer', 'roster-scan-refused-phone');
    await expectAccessible(page);

    // The camera reads the person's code: checked in, the card says so.
    await page.getByRole('button', { name: '打开摄像头扫码' }).click();
    await page.getByText(/^王.* 已签到（\d{1,2}:\d{2}）$/).waitFor({ timeout: 20_000 });
    await card.getByText('已签到').waitFor();
    await screenshot(page, 'employer', 'roster-scanned-phone');
    await page.getByRole('button', { name: '关闭摄像头' }).click();
    await expectAccessible(page);
    const [row] = (await api.dataSource.query(`SELECT status, checked_in_by FROM gig_booking WHERE id = $1`, [booked])) as {
      status: string;
      checked_in_by: string;
    }[];
    expect(row).toEqual({ status: 'CHECKED_IN', checked_in_by: world.farm.accountId });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('rotates and then revokes a job’s code on a phone, keeping the old ones listed', async () => {
    const { page, errors, context } = await phonePage();
    await page.goto(`${api.url}/e/jobs/${world.jobId}/poster`);
    await page.getByRole('button', { name: '生成二维码' }).click();
    await page.getByRole('img', { name: '番茄采摘（日结） 的二维码' }).waitFor();
    const [first] = (await api.dataSource.query(`SELECT token FROM service_code WHERE target_id = $1 AND target_kind = 'JOB'`, [world.jobId])) as {
      token: string;
    }[];
    await page.getByRole('button', { name: '换新码' }).click();
    await page.getByRole('dialog', { name: '换新码' }).getByRole('button', { name: '换新码' }).click();
    await page.getByText('已换新码：请打印新海报替换旧的。').waitFor();
    await page.getByText(`码值尾号 ${first.token.slice(-6)} · 已更换为新码`).waitFor();
    const scanned = await must(api.gql<{ scan: { __typename: string } }>(`query($t: String!) { scan(token: $t) { __typename } }`, { t: first.token }));
    expect(scanned.scan.__typename).toBe('ReplacedServiceCode');
    await screenshot(page, 'employer', 'job-code-rotated-phone');
    await expectAccessible(page);

    await page.getByRole('button', { name: '停用此码' }).click();
    await page.getByRole('dialog', { name: '停用此码' }).getByRole('button', { name: '停用' }).click();
    await page.getByText('这个岗位现在没有有效的二维码').waitFor();
    await page.getByText(/已停用$/).waitFor();
    await screenshot(page, 'employer', 'job-code-revoked-phone');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('reads past the first page of jobs and of messages with “加载更多”', async () => {
    for (let i = 1; i <= 21; i++) {
      await must(
        api.gql(
          POST_JOB,
          { input: jobInput({ employerId: world.farm.employerId, title: `包装工 ${String(i).padStart(2, '0')} 号`, publish: true }) },
          world.farm.token,
        ),
      );
    }
    const notifications = api.app.get(NotificationsService);
    for (let i = 0; i < 21; i++) {
      await inTransaction(api.dataSource, (manager) =>
        notifications.sendToAccounts(manager, [world.farm.accountId], {
          template: 'account.welcome',
          params: { name: `第 ${i + 1} 条`, county: '资源县' },
          idempotencyKey: `paging-${i}`,
        }),
      );
    }
    await api.app.get(OutboxService).drain();

    const { page, errors, context } = await phonePage();
    await page.goto(`${api.url}/e/jobs`);
    await page.getByText('已显示 20 / 共 22 个岗位').waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText('已显示 22 / 共 22 个岗位').waitFor();
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^包装工 \d{2} 号$/ }).count()).toBe(21);
    await screenshot(page, 'employer', 'jobs-paged-phone');
    await expectAccessible(page);

    // 21 messages sent here, beside those the bookings above sent.
    const inbox = await must(
      api.gql<{ all: { totalCount: number }; unread: { totalCount: number } }>(
        `{ all: myNotifications(channel: IN_APP) { totalCount } unread: myNotifications(channel: IN_APP, unread: true) { totalCount } }`,
        {},
        world.farm.token,
      ),
    );
    expect(inbox.all.totalCount).toBeGreaterThan(21);
    expect(inbox.all.totalCount).toBeLessThan(40);
    await page.goto(`${api.url}/e/notifications`);
    await page.getByText(`${inbox.unread.totalCount} 条未读`).waitFor();
    await page.getByText(`已显示 20 / 共 ${inbox.all.totalCount} 条`).waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText(`已显示 ${inbox.all.totalCount} / 共 ${inbox.all.totalCount} 条`).waitFor();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('没有未读消息').waitFor();
    await screenshot(page, 'employer', 'notifications-paged-phone');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('sets up an authenticator at the desk, then signs in with password and its code', async () => {
    const context = await browser.context(DESKTOP);
    await context.addInitScript(`localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)});`);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const farmPhone = await phoneOf(api, world.farm.token);
    await page.goto(`${api.url}/e/account`);
    await page.getByRole('button', { name: '绑定身份验证器' }).click();
    await page.getByRole('img', { name: '绑定身份验证器的二维码' }).waitFor();
    const secret = (await page.locator('code').textContent())!.trim();
    await page.getByLabel('当前密码').last().fill(TEST_PASSWORD);
    await page.getByLabel('验证器上的 6 位动态码').fill(((Number(await codeAt(secret)) + 1) % 1_000_000).toString().padStart(6, '0'));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText('动态码不正确：请确认手机时间准确，输入验证器上当前显示的 6 位数字').waitFor();
    await screenshot(page, 'employer', 'second-factor-setup');
    await expectAccessible(page);
    // The sign-in below uses the step after this one: 30 s after the enrolment, not after now,
    // which could be two steps on (beyond the server's one-step tolerance) on a slow run.
    const enrolledAt = Math.floor(Date.now() / 1000);
    await page.getByLabel('验证器上的 6 位动态码').fill(await codeAt(secret, 0, enrolledAt));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText(/^已绑定：用密码登录时还要输入验证器上的动态码/).waitFor();
    await expectAccessible(page);

    // Signed out, the password alone is not enough: the form asks for the code.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '用人单位登录' }).waitFor();
    await page.getByRole('button', { name: '密码登录' }).click();
    await page.getByLabel('手机号', { exact: true }).fill(farmPhone);
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('此账号已绑定身份验证器：请同时输入验证器上的 6 位动态码').waitFor();
    await screenshot(page, 'employer', 'sign-in-second-factor');
    await expectAccessible(page);
    await page.getByLabel('身份验证器上的 6 位动态码').fill(await codeAt(secret, 30, enrolledAt));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('今天需要处理的事').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
