import { AccountsService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';

import { idNumberFor, REGISTER, registration } from '../builders/job-seeker.builder';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

describeInBrowser('who works in the console, and the security log (/s/staff-accounts, /s/security-log)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let admin: { phone: string };
  let township: { phone: string };
  let county: { phone: string; token: string };
  let seekerId: string;
  const villagePhone = nextPhone();

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    admin = await api.signedIn(Role.ADMIN, null, '系统管理员');
    county = await api.signedIn(Role.STAFF, '450329', '县人社局就业股');
    township = await api.signedIn(Role.STAFF, '450329103', '瓜里乡社保所');
    // Made by the township, never signed in yet.
    await api.app
      .get(AccountsService)
      .create({ role: Role.STAFF, phone: villagePhone, password: TEST_PASSWORD, name: '金江村协理员', regionCode: '450329103201' });
    await api.signedIn(Role.STAFF, '450329101', '中峰镇社保所');
    await api.signedIn(Role.STAFF, '450329202201', '猴背村协理员');
    // A wrong password, and a full ID number read for a subsidy.
    await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { phone: county.phone, password: 'not-the-password-1' } });
    const person = await api.gql<{ registerJobSeeker: { id: string } }>(
      REGISTER,
      { input: registration({ name: '黄秀兰', idNumber: idNumberFor('19800202', 2) }) },
      county.token,
    );
    if (person.errors) throw new Error(JSON.stringify(person.errors));
    seekerId = person.data!.registerJobSeeker.id;
    const read = await api.gql(
      `query($id: ID!) { jobSeeker(id: $id) { idNumber(full: true, purpose: "办理补贴") } }`,
      { id: person.data!.registerJobSeeker.id },
      county.token,
    );
    if (read.errors) throw new Error(JSON.stringify(read.errors));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('an admin lists the staff accounts and reads the security log', async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, admin.phone);

    await page.getByRole('link', { name: '工作人员账号' }).click();
    await page.getByRole('row', { name: /县人社局就业股.*工作人员.*资源县.*未绑定/ }).waitFor();
    await page.getByRole('row', { name: /金江村协理员.*从未登录/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'staff-accounts');

    // A forgotten password: a temporary one, checked against the rules before it is set.
    await page.getByRole('button', { name: '为 金江村协理员 设临时密码' }).click();
    const dialog = page.getByRole('dialog', { name: '为 金江村协理员 设临时密码' });
    const field = dialog.getByRole('textbox', { name: '临时密码' });
    expect(await field.inputValue()).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{10}$/);
    await field.fill('abcdefgh');
    await dialog.getByRole('button', { name: '设为临时密码' }).click();
    await dialog.getByText('密码不符合要求：需要同时包含字母和数字').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'staff-accounts-temporary-password');
    await dialog.getByRole('button', { name: '换一个' }).click();
    const temporary = await field.inputValue();
    await dialog.getByRole('button', { name: '设为临时密码' }).click();
    await dialog.getByText('已设好。请当面或打电话把临时密码告诉 金江村协理员').waitFor();
    await dialog.getByText(temporary, { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'staff-accounts-password-set');
    await dialog.getByRole('button', { name: '已告知，关闭' }).click();
    const signIn = await api.gql<{ signIn: { account: { setupRequired: string } } }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { account { setupRequired } } }`,
      { i: { phone: villagePhone, password: temporary } },
    );
    expect(signIn.data?.signIn.account.setupRequired).toBe('PASSWORD_CHANGE');

    // Someone who left: the account is stopped after a confirmation, and can be taken back.
    await page.getByRole('button', { name: '停用 中峰镇社保所 的账号' }).click();
    await page.getByRole('dialog', { name: '停用 中峰镇社保所 的账号？' }).getByRole('button', { name: '停用' }).click();
    await page.getByText('已停用 中峰镇社保所 的账号').waitFor();
    await page.getByRole('row', { name: /中峰镇社保所.*已停用/ }).waitFor();
    await page.getByRole('button', { name: '恢复 中峰镇社保所 的账号' }).waitFor();
    await page.getByRole('row', { name: /系统管理员.*本人$/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'staff-accounts-stopped');

    // Moved to another township: the scope follows.
    await page.getByRole('button', { name: '调整区域（猴背村协理员）' }).click();
    const move = page.getByRole('dialog', { name: '调整 猴背村协理员 的管辖区域' });
    await move.getByRole('combobox', { name: '新的管辖区域' }).click();
    await page.keyboard.type('中峰镇');
    await page.getByRole('option', { name: '资源县中峰镇', exact: true }).click();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'staff-accounts-region');
    await move.getByRole('button', { name: '调整', exact: true }).click();
    await page.getByText('已把 猴背村协理员 的管辖区域调整为资源县中峰镇').waitFor();
    await page.getByRole('row', { name: /猴背村协理员.*资源县中峰镇/ }).waitFor();

    await page.getByRole('link', { name: '安全日志' }).click();
    await page.getByRole('row', { name: /停用账号.*系统管理员.*停用了中峰镇社保所（工作人员）的账号，结束其 1 个登录/ }).waitFor();
    await page.getByRole('row', { name: /查看完整个人信息.*县人社局就业股.*查看求职者的完整身份证号.*用途：办理补贴/ }).waitFor();
    await page.getByRole('row', { name: /登录失败.*县人社局就业股.*密码或动态码错误/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'security-log');
    await page.getByRole('combobox', { name: '事件类型' }).click({ force: true }); // its placeholder lies over the input, as a person's tap would land
    await page.getByRole('option', { name: '重置身份验证器' }).click();
    await page.getByText('没有“重置身份验证器”的记录').waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("a township officer sees the township's accounts only, and no security log", async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    await signInAsStaff(page, api.url, township.phone);
    await page.getByRole('link', { name: '工作人员账号' }).click();
    await page.getByRole('row', { name: /金江村协理员/ }).waitFor();
    expect(await page.getByRole('row', { name: /中峰镇社保所|县人社局就业股/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '安全日志' }).count()).toBe(0);
    await page.getByRole('row', { name: /金江村协理员.*\d{3}\*{4}\d{4}/ }).waitFor();
    await context.close();
  }, 60_000);

  it("a county officer adds a county category from a person's page and ticks it; the inbox says when it is empty", async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, county.phone);
    await page.getByRole('link', { name: '消息' }).click();
    await page.getByText('还没有消息').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'inbox-empty');

    await page.goto(`${api.url}/s/seekers/${seekerId}`);
    await page.getByRole('heading', { name: '黄秀兰' }).waitFor();
    await page.getByRole('button', { name: '修改登记' }).click();
    const dialog = page.getByRole('dialog', { name: '修改登记' });
    await dialog.getByRole('button', { name: '没有合适的？增设本县类别' }).click();
    await dialog.getByRole('button', { name: '增设并勾选' }).click();
    await dialog.getByText('请填写类别名称').waitFor();
    await dialog.getByRole('textbox', { name: '新类别名称' }).fill('生态护林员');
    await dialog.getByRole('button', { name: '增设并勾选' }).click();
    const added = dialog.locator('label.el-checkbox', { hasText: '生态护林员' });
    await added.waitFor();
    expect(await added.locator('input').isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seeker-add-support-group');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存修改').waitFor();
    await page
      .getByText(/生态护林员/)
      .filter({ visible: true })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
