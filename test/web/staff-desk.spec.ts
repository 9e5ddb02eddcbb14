import { Role } from '@jobcode/common';
import { idNumberFor, REGISTER, registration } from '../builders/job-seeker.builder';
import { GUALI, HOUBEI } from '../builders/regions';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

describeInBrowser('a township worker at the desk (/s/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let guali: { phone: string; token: string };
  let hekouPerson: string;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    guali = await api.signedIn(Role.STAFF, GUALI, '瓜里乡劳保站');
    const hekou = await api.signedIn(Role.STAFF, HEKOU_CODE, '河口乡劳保站');
    hekouPerson = idNumberFor('19790303', 2);
    const result = await api.gql(REGISTER, { input: registration({ name: '邻乡王芳', idNumber: hekouPerson, regionCode: HOUBEI }) }, hekou.token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('registers a person with the keyboard, finds the duplicate, and prints the code card', async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, guali.phone);
    await page.getByRole('heading', { name: '求职登记' }).waitFor();

    const idNumber = idNumberFor('19850704', 3);
    // A wrong check digit is named as it is typed; the birth date and sex are read off the number.
    await page.getByLabel('身份证号').pressSequentially(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
    await page.getByText('校验位不对').waitFor();
    await page.getByLabel('身份证号').press('Backspace');
    await page.getByLabel('身份证号').press(idNumber[17]!);
    await page.getByText('出生日期 1985年7月4日').waitFor();
    await page.getByText('性别 男，校验位正确').waitFor();

    await page.keyboard.press('Tab');
    await page.keyboard.type('韦建国');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13977310001');
    await page.getByRole('combobox', { name: '户籍所在村' }).click();
    await page.keyboard.type('金江');
    await page.getByRole('option', { name: /金江村/ }).click();
    await page.getByText('脱贫人口', { exact: true }).click();
    await page.getByLabel('求职意向').fill('普工，保洁');
    await expectAccessible(page);
    await screenshot(page, 'staff', 'desk-form');
    await page.keyboard.press('Control+Enter');
    await page.getByText('已登记：韦建国（资源县瓜里乡金江村）').waitFor();
    await screenshot(page, 'staff', 'desk-registered');

    await page.getByRole('button', { name: '打印个人码' }).click();
    const card = page.getByRole('article', { name: '个人码卡片' });
    await card.getByRole('img', { name: '韦建国的个人码' }).waitFor();
    const printed = page.evaluate(() => new Promise<boolean>((resolve) => ((globalThis as unknown as { print: () => void }).print = () => resolve(true))));
    await page.getByRole('button', { name: '打印' }).click();
    expect(await printed).toBe(true);
    const qr = await card.getByRole('img').getAttribute('src');
    expect(await card.getByRole('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect((await fetch(`${api.url}${qr}`)).headers.get('content-type')).toContain('image/svg+xml');
    await expectAccessible(page);
    await screenshot(page, 'staff', 'code-card');

    // The same number again: the existing record is found as it is typed and opens.
    await page.getByRole('link', { name: '求职登记' }).click();
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('身份证号').dispatchEvent('input');
    await page.getByText(/此人已登记：韦建国/).waitFor();
    await page.getByRole('button', { name: '打开已有登记' }).click();
    await page.getByRole('heading', { name: '韦建国' }).waitFor();
    await page.getByText('脱贫人口').waitFor();
    expect(await page.getByText(/^4503\*+\d{4}$/).count()).toBeGreaterThan(0);

    // Full number: asks the purpose, then the read is logged and listed.
    await page.getByRole('button', { name: '显示完整号码' }).click();
    await page.getByRole('textbox', { name: /请写明用途/ }).fill('电话回访');
    await page.getByRole('button', { name: '显示', exact: true }).click();
    await page.getByText(idNumber).waitFor();
    await page.getByRole('cell', { name: '电话回访' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seeker-detail');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("does not show another township's people", async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    await signInAsStaff(page, api.url, guali.phone);
    await page.getByRole('link', { name: '求职者名单' }).click();
    await page.getByText(/共 \d+ 人/).waitFor();
    await page.getByRole('link', { name: '韦建国' }).waitFor();
    expect(await page.getByText('邻乡王芳').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seekers-list');
    // Typing the other township's person's number at the desk does not reveal them; registering is refused in Chinese.
    await page.getByRole('link', { name: '求职登记' }).click();
    await page.getByLabel('身份证号').fill(hekouPerson);
    await page.getByLabel('身份证号').dispatchEvent('input');
    await page.getByText('校验位正确').waitFor();
    expect(await page.getByText('此人已登记').count()).toBe(0);
    await context.close();
  });
});

const HEKOU_CODE = '450329202';
