import { Role } from '@jobcode/common';

import { idNumberFor, type SeekerFixture, selfRegisteredSeeker } from '../builders/job-seeker.builder';
import { daysFromToday } from '../builders/job.builder';
import { recordPlacement } from '../builders/placement.builder';
import { GUALI } from '../builders/regions';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

const LIFTED_OUT_PEOPLE = `query($period: PeriodInput!) { placementStats(period: $period, groupBy: SUPPORT_GROUP) { groups { key people } } }`;

describeInBrowser('a township worker confirms the support group a person declared for themself (/s/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let guali: { phone: string; token: string };
  let seeker: SeekerFixture;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    guali = await api.signedIn(Role.STAFF, GUALI, '瓜里乡劳保站');
    // The person registers on their phone and says they were lifted out of poverty; they already work.
    seeker = await selfRegisteredSeeker(api, { name: '韦春花', idNumber: idNumberFor('19880212', 4), supportGroupCodes: ['LIFTED_OUT'] });
    await recordPlacement(api, guali.token, { jobSeekerId: seeker.jobSeekerId, workplaceRegionCode: '450329100', startDate: daysFromToday(-1) });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const liftedOutPeople = async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const stats = await api.gql<{ placementStats: { groups: { key: string; people: number }[] } }>(
      LIFTED_OUT_PEOPLE,
      { period: { from: `${today.slice(0, 4)}-01-01`, to: today } },
      guali.token,
    );
    expect(stats.errors).toBeUndefined();
    return stats.data!.placementStats.groups.find((group) => group.key === 'LIFTED_OUT')?.people ?? 0;
  };

  it('finds the person in the queue, confirms the group, and the dashboard then counts them', async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, guali.phone);

    // Before: the declared group does not count.
    await page.getByRole('link', { name: '统计看板' }).click();
    const byGroup = page.getByRole('img', { name: /^按帮扶人员类别：/ });
    await byGroup.or(page.getByText('统计期内没有帮扶对象务工')).waitFor();
    if (await byGroup.count()) expect(await byGroup.getAttribute('aria-label')).not.toMatch(/脱贫人口 [1-9]/);
    expect(await liftedOutPeople()).toBe(0);

    // The queue of declared groups waiting for confirmation.
    await page.getByRole('link', { name: '求职者名单' }).click();
    await page.getByText('只看待确认类别').click();
    await page.getByText('共 1 人').waitFor();
    const row = page.getByRole('row', { name: /韦春花/ });
    await row.getByText('脱贫人口（待确认）').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seekers-awaiting-groups');

    await row.getByRole('link', { name: '韦春花' }).click();
    await page.getByRole('heading', { name: '韦春花' }).waitFor();
    const declared = page.getByRole('group', { name: '韦春花自报的帮扶类别' });
    await declared.getByText('脱贫人口（待确认）').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seeker-declared-groups');
    await declared.getByRole('button', { name: '确认脱贫人口' }).click();
    await page.getByText('已确认：脱贫人口，计入统计').waitFor();
    await declared.waitFor({ state: 'detached' });
    expect(await page.getByRole('cell', { name: '脱贫人口', exact: true }).count()).toBe(1);

    // After: the queue is empty and the dashboard counts the person, as placementStats does.
    await page.getByRole('link', { name: '求职者名单' }).click();
    await page.getByText('只看待确认类别').click();
    await page.getByText('共 0 人').waitFor();
    expect(await liftedOutPeople()).toBe(1);
    await page.getByRole('link', { name: '统计看板' }).click();
    await page.getByRole('img', { name: /^按帮扶人员类别：脱贫人口 1 人/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("corrects the registration from the person's page, with the API's message at the field it names", async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, guali.phone);
    await page.goto(`${api.url}/s/seekers/${seeker.jobSeekerId}`);
    await page.getByRole('heading', { name: '韦春花' }).waitFor();
    await page.getByRole('button', { name: '修改登记' }).click();
    const dialog = page.getByRole('dialog', { name: '修改登记' });
    await dialog.getByLabel('手机号').fill('1380013');
    await dialog.getByLabel('求职意向').fill('保洁，服务员');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    const message = dialog.getByRole('alert').filter({ hasText: '手机号应为 11 位，以 1 开头，例如 13812345678' });
    await message.waitFor();
    // At the field: right under the phone box, above the next field.
    const [phoneBox, shown, nextField] = await Promise.all([
      dialog.getByLabel('手机号').boundingBox(),
      message.boundingBox(),
      dialog.getByRole('combobox', { name: '户籍所在村' }).boundingBox(),
    ]);
    expect(shown!.y).toBeGreaterThanOrEqual(phoneBox!.y + phoneBox!.height - 1);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(nextField!.y);
    await expectAccessible(page);
    await screenshot(page, 'staff', 'seeker-edit-error');

    await dialog.getByLabel('手机号').fill('13977310088');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存修改').waitFor();
    await page.getByRole('cell', { name: '保洁、服务员' }).waitFor();
    await page.getByRole('cell', { name: '139****0088' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('confirms it at the desk when the person comes in', async () => {
    const idNumber = idNumberFor('19900415', 5);
    const walkIn = await selfRegisteredSeeker(api, { name: '蒋秀梅', idNumber, supportGroupCodes: ['LEFT_BEHIND_WOMAN'] });
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, guali.phone);
    await page.getByRole('heading', { name: '求职登记' }).waitFor();
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('身份证号').dispatchEvent('input');
    await page.getByText(/此人已登记：蒋秀梅/).waitFor();
    const declared = page.getByRole('group', { name: '蒋秀梅自报的帮扶类别' });
    await declared.getByRole('button', { name: '确认留守妇女' }).click();
    await page.getByText('已确认：留守妇女，计入统计').waitFor();
    await declared.waitFor({ state: 'detached' });
    await expectAccessible(page);
    const groups = await api.gql<{ jobSeeker: { supportGroups: { code: string }[]; declaredSupportGroups: { code: string }[] } }>(
      `query($id: ID!) { jobSeeker(id: $id) { supportGroups { code } declaredSupportGroups { code } } }`,
      { id: walkIn.jobSeekerId },
      guali.token,
    );
    expect(groups.data?.jobSeeker).toEqual({ supportGroups: [{ code: 'LEFT_BEHIND_WOMAN' }], declaredSupportGroups: [] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
