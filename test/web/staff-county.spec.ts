import { readFileSync } from 'node:fs';

import { Role } from '@jobcode/common';

import { employerInput, REGISTER_EMPLOYER, verifiedEmployer } from '../builders/employer.builder';
import { idNumberFor, REGISTER, registration } from '../builders/job-seeker.builder';
import { JINJIANG } from '../builders/regions';
import { stationInput } from '../builders/station.builder';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

describeInBrowser('a county worker runs the county from the console (/s/)', () => {
  let api: TestApp;
  let browser: BrowserSession;
  let county: { phone: string; token: string };
  let seekerCodeUrl: string;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
    county = await api.signedIn(Role.STAFF, '450329', '县人社局就业股');
    // An employer waiting for verification, registered by its own clerk.
    const clerk = await api.signedIn(Role.EMPLOYER, null, '陆会计');
    const pending = await api.gql(REGISTER_EMPLOYER, { input: employerInput({ name: '资源县梅溪竹制品厂', contactName: '陆会计' }) }, clerk.token);
    if (pending.errors) throw new Error(JSON.stringify(pending.errors));
    // A verified employer's workshop waiting for certification.
    const textile = await verifiedEmployer(api, county.token, { name: '资源县金江服装厂' });
    const workshop = await api.gql(
      `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`,
      {
        input: {
          employerId: textile.employerId,
          name: '金江村就业帮扶车间',
          regionCode: JINJIANG,
          address: '金江村原村小学',
          latitude: 26.0433,
          longitude: 110.6311,
          headcount: 30,
        },
      },
      textile.token,
    );
    if (workshop.errors) throw new Error(JSON.stringify(workshop.errors));
    // Two stations of 瓜里乡 with their codes.
    for (const input of [stationInput(), stationInput({ name: '金江村零工驿站', level: 'VILLAGE', regionCode: JINJIANG, address: '金江村村委会' })]) {
      const station = await api.gql<{ createGigStation: { id: string } }>(
        `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id } }`,
        { input },
        county.token,
      );
      const issued = await api.gql(
        `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
        { input: { targetKind: 'GIG_STATION', targetId: station.data!.createGigStation.id, label: '村委会信息栏' } },
        county.token,
      );
      if (issued.errors) throw new Error(JSON.stringify(issued.errors));
    }
    // A person lifted out of poverty, not yet working.
    const person = await api.gql<{ registerJobSeeker: { id: string } }>(
      REGISTER,
      { input: registration({ name: '黄秀兰', idNumber: idNumberFor('19800202', 2), supportGroupCodes: ['LIFTED_OUT'] }) },
      county.token,
    );
    if (person.errors) throw new Error(JSON.stringify(person.errors));
    // Her code card, and a fair today in 瓜里乡.
    const card = await api.gql<{ issueServiceCode: { url: string } }>(
      `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { url } }`,
      { input: { targetKind: 'SEEKER', targetId: person.data!.registerJobSeeker.id } },
      county.token,
    );
    if (card.errors) throw new Error(JSON.stringify(card.errors));
    seekerCodeUrl = card.data!.issueServiceCode.url;
    const now = Date.now();
    const fair = await api.gql(
      `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id } }`,
      {
        input: {
          kind: 'ORDINARY',
          name: '瓜里乡春风行动招聘会',
          organiser: '资源县人社局',
          regionCode: '450329103',
          venue: '瓜里乡政府广场',
          startsAt: new Date(now - 3_600_000).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
        },
      },
      county.token,
    );
    if (fair.errors) throw new Error(JSON.stringify(fair.errors));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('verifies an employer, certifies a workshop, prints posters, records a placement and a follow-up, sets a target and reads the dashboard', async () => {
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, county.phone);

    // Employers: the queue shows the credit code and who registered; verify.
    await page.getByRole('link', { name: '用人单位审核' }).click();
    const row = page.getByRole('row', { name: /资源县梅溪竹制品厂/ });
    await row.getByText('陆会计').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'employers-queue');
    await row.getByRole('button', { name: '审核通过 资源县梅溪竹制品厂' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await page.getByText('资源县梅溪竹制品厂 已审核通过').waitFor();
    await page.getByRole('tab', { name: '已通过' }).click();
    await page.getByRole('row', { name: /资源县梅溪竹制品厂/ }).waitFor();

    // Workshops: certify, and the certified span reads from that day.
    await page.getByRole('link', { name: '驿站与车间' }).click();
    await page.getByRole('tab', { name: '帮扶车间' }).click();
    await page.getByRole('button', { name: '认定 金江村就业帮扶车间' }).click();
    await page.getByRole('button', { name: '确认认定' }).click();
    await page.getByText('金江村就业帮扶车间 已认定').waitFor();
    await page.getByRole('row', { name: /金江村就业帮扶车间.*已认定.*起至今/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'workshops');

    // Posters: every station of 瓜里乡 in one PDF.
    await page.getByRole('link', { name: '服务码与海报' }).click();
    await page.getByRole('row', { name: /金江村零工驿站/ }).waitFor();
    await page.getByRole('combobox', { name: '打印海报的乡镇' }).click();
    await page.getByRole('option', { name: '资源县瓜里乡' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载全部海报/ }).click();
    const poster = await downloading;
    expect(poster.suggestedFilename()).toBe('资源县瓜里乡零工站点就业服务码海报.pdf');
    // A tapped one-use link (the browser streams it to disk), not a Bearer fetch into memory.
    expect(poster.url()).toMatch(new RegExp(`^${api.url}/service-codes/posters\\?.*ticket=`));
    expect(
      readFileSync((await poster.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectAccessible(page);
    await screenshot(page, 'staff', 'codes');

    // A placement (in the county, since June) and its overdue follow-up.
    await page.getByRole('link', { name: '务工与回访' }).click();
    await page.getByRole('combobox', { name: '求职者' }).click();
    await page.keyboard.type('黄秀兰');
    await page.getByRole('option', { name: /黄秀兰/ }).click();
    const start = page.getByRole('combobox', { name: '开始务工日期' });
    await start.fill('2026-06-01');
    await start.press('Enter');
    await page.getByRole('combobox', { name: '工作地' }).click();
    await page.keyboard.type('资源县');
    await page
      .getByRole('option', { name: /^资源县$|桂林市资源县/ })
      .first()
      .click();
    await page.getByLabel('工作单位或地点').fill('资源县金江服装厂');
    await page.getByRole('button', { name: '登记务工' }).click();
    await page.getByText('已登记：黄秀兰，2026年6月1日起县内务工').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'placement');

    await page.getByRole('tab', { name: /应回访/ }).click();
    await page.getByRole('row', { name: /黄秀兰.*逾期/ }).waitFor();
    await screenshot(page, 'staff', 'follow-ups-due');
    await page.getByRole('button', { name: '登记回访 黄秀兰' }).click();
    await page.getByLabel('需求').fill('想学电商直播');
    await page.getByRole('button', { name: '保存回访' }).click();
    await page.getByText('已登记 黄秀兰 的回访').waitFor();
    await page.getByText('没有到期的回访').waitFor();
    // She works now: the 防返贫 list (capacity, no work) is empty, in words.
    await page.getByRole('tab', { name: '防返贫名单' }).click();
    await page.getByText(/名单为空/).waitFor();
    await expectAccessible(page);

    // The list of who is at work: by name, village, workplace; her last working day is entered there.
    await page.getByRole('tab', { name: '务工名单' }).click();
    await page.getByRole('row', { name: /黄秀兰.*资源县.*县内.*资源县金江服装厂.*2026年6月1日 起.*在岗/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'placements-list');
    await page.getByRole('button', { name: '结束务工（黄秀兰）' }).click();
    const prompt = page.getByRole('dialog', { name: '结束 黄秀兰 的务工' });
    await prompt.getByRole('textbox').fill('2026年12月1日');
    await prompt.getByRole('button', { name: '结束务工' }).click();
    await prompt.getByText('请按 2026-12-05 的格式填写日期').waitFor();
    await prompt.getByRole('textbox').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await prompt.getByRole('button', { name: '结束务工' }).click();
    await page.getByText('已登记 黄秀兰 结束务工').waitFor();
    // Her last day is today: still at work today, with nothing more to end.
    await page.getByRole('row', { name: /黄秀兰.*2026年6月1日 起，.* 止.*在岗/ }).waitFor();
    expect(await page.getByRole('button', { name: '结束务工（黄秀兰）' }).count()).toBe(0);

    // A target for in-county work, and its progress.
    await page.getByRole('link', { name: '年度任务' }).click();
    const inCountyTarget = page.getByRole('group', { name: '县内务工人数' });
    await inCountyTarget.getByRole('spinbutton').fill('10');
    await inCountyTarget.getByRole('button', { name: '设定任务数' }).click();
    await page.getByText('已完成 1 / 任务 10，完成率 10.00%').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'targets');

    // The dashboard: the chart is drawn, and its sentence is placementStats' figure for the same question.
    await page.getByRole('link', { name: '统计看板' }).click();
    const chart = page.getByRole('img', { name: /^务工人数按务工地/ });
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg text', { hasText: '县内务工' }).count()).toBeGreaterThan(0);
    const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4);
    const to = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const stats = await api.gql<{ placementStats: { groups: { key: string; label: string; people: number; changePercent: number | null }[] } }>(
      `query($period: PeriodInput!) { placementStats(period: $period, groupBy: DESTINATION) { groups { key label people changePercent } } }`,
      { period: { from: `${year}-01-01`, to } },
      county.token,
    );
    const inCounty = stats.data!.placementStats.groups.find((group) => group.key === 'IN_COUNTY')!;
    expect(inCounty.people).toBe(1);
    await page.getByText(`县内务工 ${inCounty.people} 人，上年同期无数据`).waitFor();
    await page.getByRole('button', { name: '统计口径' }).first().click();
    await page
      .getByText(/分组时一人可计入多个分组/)
      .filter({ visible: true })
      .waitFor();
    await page.getByRole('button', { name: '统计口径' }).first().click();
    await screenshot(page, 'staff', 'dashboard');
    const ledger = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出台账' }).first().click();
    expect((await ledger).suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await ledger).url()).toMatch(new RegExp(`^${api.url}/statistics/placements/export\\?.*ticket=`));
    await expectAccessible(page);

    // Fair attendance: the camera's fallback, the code's address typed in.
    await page.getByRole('link', { name: '招聘会与大篷车' }).click();
    await page
      .getByRole('row', { name: /瓜里乡春风行动招聘会/ })
      .getByRole('link', { name: '扫码登记到场' })
      .click();
    await page.getByText('瓜里乡春风行动招聘会（瓜里乡政府广场）').waitFor();
    await page.getByLabel('个人码网址或码值').fill(seekerCodeUrl);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('本次已扫 1 人').waitFor();
    await page.getByRole('listitem').filter({ hasText: /黄/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'fair-attendance');
    const attendance = await api.gql<{ fairStats: { total: { attendance: number } } }>(
      `query($period: PeriodInput!) { fairStats(period: $period) { total { attendance } } }`,
      { period: { from: `${year}-01-01`, to } },
      county.token,
    );
    expect(attendance.data!.fairStats.total.attendance).toBe(1);

    // Moderation, settings and accounts: each tab has words and passes axe.
    await page.getByRole('link', { name: '审核、设置与账号' }).click();
    await page.getByText('没有待复核的岗位').waitFor();
    await expectAccessible(page);
    await page.getByRole('tab', { name: '县级设置' }).click();
    await page.getByRole('button', { name: '恢复默认值' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'settings');
    await page.getByRole('tab', { name: '账号与安全' }).click();
    await page.getByRole('button', { name: '开始绑定' }).click();
    await page.getByRole('img', { name: '身份验证器绑定二维码' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'second-factor');
    expect(errors).toEqual([]);
    await context.close();
    // One story across seven pages: about 45 s alone, more when CI runs two files at once.
  }, 150_000);
});
