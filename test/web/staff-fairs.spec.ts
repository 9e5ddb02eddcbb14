import { Role } from '@jobcode/common';

import { verifiedEmployer } from '../builders/employer.builder';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

/** A day from now in the county's calendar, as the date picker takes it (YYYY-MM-DD HH:mm). */
function daysAhead(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} ${time}`;
}

describeInBrowser('a county officer plans a fair and a caravan end to end (/s/fairs)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let county: { phone: string; token: string };

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    county = await api.signedIn(Role.STAFF, '450329', '县人社局就业股');
    await verifiedEmployer(api, county.token, { name: '资源县高山茶叶有限公司' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function pickDateTime(page: import('playwright-core').Page, label: string, value: string): Promise<void> {
    const field = page.getByRole('dialog').getByRole('combobox', { name: label });
    await field.fill(value);
    await field.press('Enter');
  }

  it('registers a fair, corrects it, books a booth for an employer, and starts a caravan with its first stop', async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, county.phone);

    await page.getByRole('link', { name: '招聘会与大篷车' }).click();
    await page.getByText('辖区内没有未结束的招聘会').waitFor();
    await page.getByText('还没有就业大篷车').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'fairs-empty');

    // A fair whose end comes before its start: the API's words at the field.
    await page.getByRole('button', { name: '登记招聘会' }).click();
    const dialog = page.getByRole('dialog', { name: '登记招聘会' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写招聘会名称').waitFor();
    await dialog.getByLabel('名称').fill('瓜里乡春风行动招聘会');
    await dialog.getByRole('combobox', { name: '举办地' }).click();
    await page.getByRole('option', { name: '资源县瓜里乡', exact: true }).click();
    await dialog.getByLabel('地点').fill('瓜里乡政府广场');
    await pickDateTime(page, '开始时间', daysAhead(3, '14:00'));
    await pickDateTime(page, '结束时间', daysAhead(3, '09:00'));
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('结束时间应晚于开始时间').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'fair-dialog-error');
    await pickDateTime(page, '结束时间', daysAhead(3, '17:00'));
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记 瓜里乡春风行动招聘会').waitFor();
    await page.getByRole('row', { name: /瓜里乡春风行动招聘会.*春风行动|瓜里乡春风行动招聘会.*招聘会/ }).waitFor();

    // Moved to a bigger place.
    await page.getByRole('button', { name: '修改 瓜里乡春风行动招聘会' }).click();
    const edit = page.getByRole('dialog', { name: '修改招聘会：瓜里乡春风行动招聘会' });
    await edit.getByLabel('地点').fill('瓜里乡中心小学操场');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存 瓜里乡春风行动招聘会').waitFor();
    await page.getByRole('row', { name: /瓜里乡中心小学操场/ }).waitFor();

    // Its booths: book one for a verified employer of the county.
    await page.getByRole('link', { name: '瓜里乡春风行动招聘会', exact: true }).click();
    await page.getByText('还没有单位参会').waitFor();
    await expectAccessible(page);
    await page.getByRole('combobox', { name: '参会单位' }).click();
    await page.getByRole('option', { name: '资源县高山茶叶有限公司' }).click();
    await page.getByLabel('展位号').fill('A01');
    await page.getByRole('spinbutton', { name: '申报岗位数' }).fill('30');
    await page.getByRole('button', { name: '登记展位' }).click();
    await page.getByText('已为 资源县高山茶叶有限公司 登记展位').waitFor();
    await page.getByRole('row', { name: /A01.*资源县高山茶叶有限公司.*30/ }).waitFor();
    await page.getByText(/已有\s*1 家单位参会，30 个岗位/).waitFor();
    // Twice: the API's words beside the employer.
    await page.getByRole('combobox', { name: '参会单位' }).click();
    await page.getByRole('option', { name: '资源县高山茶叶有限公司' }).click();
    await page.getByRole('button', { name: '登记展位' }).click();
    await page.getByText(/已在瓜里乡春风行动招聘会订了展位/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'fair-booths');

    // A caravan and its first stop.
    await page
      .getByRole('link', { name: /招聘会与大篷车/ })
      .first()
      .click();
    await page.getByRole('button', { name: '新建大篷车' }).click();
    const caravan = page.getByRole('dialog', { name: '新建就业大篷车' });
    await caravan.getByLabel('名称').fill('2026 年资源县就业大篷车');
    await caravan.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新建 2026 年资源县就业大篷车').waitFor();
    await page.getByRole('button', { name: '为 2026 年资源县就业大篷车 添加一站' }).click();
    const stop = page.getByRole('dialog', { name: '登记招聘会' });
    await stop.getByLabel('名称').fill('就业大篷车·瓜里站');
    await stop.getByRole('combobox', { name: '举办地' }).click();
    await page.getByRole('option', { name: '资源县瓜里乡', exact: true }).click();
    await stop.getByLabel('地点').fill('瓜里乡集市');
    await pickDateTime(page, '开始时间', daysAhead(5, '09:00'));
    await pickDateTime(page, '结束时间', daysAhead(5, '12:00'));
    await stop.getByRole('button', { name: '保存' }).click();
    await page.getByText('已登记 就业大篷车·瓜里站').waitFor();
    await page.getByRole('row', { name: /^2026 年资源县就业大篷车.*瓜里乡/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'fairs');
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  it('on a narrow window the menu is a drawer, as in the employer console', async () => {
    const context = await browser.context({ width: 390, height: 844 });
    const page = await context.newPage();
    await signInAsStaff(page, api.url, county.phone);
    await page.getByRole('button', { name: /菜单/ }).click();
    const drawer = page.getByRole('dialog', { name: '菜单' });
    await drawer.getByRole('link', { name: '招聘会与大篷车' }).click();
    await page.getByRole('heading', { name: '招聘会与大篷车' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await expectAccessible(page);
    await screenshot(page, 'staff', 'phone-fairs');
    await context.close();
  }, 60_000);
});
