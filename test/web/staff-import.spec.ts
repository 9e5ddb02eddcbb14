import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { Role } from '@jobcode/common';

import { idNumberFor, seekerPhone, withWrongCheckDigit } from '../builders/job-seeker.builder';
import { ledgerFile } from '../builders/ledger.builder';
import { collectPageErrors, describeInBrowser, DESKTOP, expectAccessible, launchBrowser, screenshot, type BrowserSession, WEB_DIR } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInAsStaff } from './staff-sign-in';

describeInBrowser('a township worker imports the seekers ledger (/s/import)', () => {
  let api: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    api = await startTestApp({ WEB_DIR });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('uploads a ledger with one bad row, reads the per-row report and downloads it', async () => {
    const guali = await api.signedIn(Role.STAFF, '450329103', '瓜里乡劳保站');
    const file = join(tmpdir(), `瓜里乡台账-${process.pid}.xlsx`);
    writeFileSync(
      file,
      await ledgerFile([
        [
          1,
          '蒋一',
          idNumberFor('19900101', 1),
          seekerPhone(),
          '瓜里乡',
          '金江村',
          '脱贫人口',
          '有劳动能力',
          '初中',
          '电焊',
          '普工',
          '3500元/月',
          '是',
          '',
          '是',
        ],
        [2, '蒋二', withWrongCheckDigit(idNumberFor('19910202', 2)), seekerPhone(), '瓜里乡', '金江村', '', '有', '', '', '', '', '否', '', '是'],
        [3, '蒋三', idNumberFor('19920303', 3), seekerPhone(), '瓜里乡', '白竹村', '监测对象', '弱', '小学', '', '保洁', '', '否', '', '是'],
      ]),
    );
    const context = await browser.context(DESKTOP);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAsStaff(page, api.url, guali.phone);
    await page.getByRole('link', { name: '台账导入导出' }).click();
    await expectAccessible(page);
    await page.getByLabel('选择台账文件').setInputFiles(file);
    await page.getByText('共 3 行：新增 2，已登记 0，未导入 1').waitFor();
    const bad = page.getByRole('row', { name: /蒋二/ });
    await bad.getByText('未导入').waitFor();
    await bad.getByText(/身份证号.*校验/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff', 'import-report');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载逐行报告（CSV）' }).click();
    const report = await downloading;
    expect(report.suggestedFilename()).toBe(`导入结果-瓜里乡台账-${process.pid}.csv`);
    const text = readFileSync((await report.path())!, 'utf8');
    expect(text).toContain('"合计","共 3 行","新增 2，已登记 0，未导入 1"');
    expect(text.split('\r\n').find((line) => line.includes('蒋二'))).toMatch(/未导入.*身份证号/);

    // The people are now in the list; the export downloads a masked workbook.
    await page.getByRole('link', { name: '求职者名单' }).click();
    await page.getByRole('link', { name: '蒋一' }).waitFor();
    await page.getByRole('link', { name: '蒋三' }).waitFor();
    await page.getByRole('link', { name: '台账导入导出' }).click();
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const workbook = await exported;
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    // Through a one-use link minted on the click (createDownloadLink), not a Blob held by the page.
    expect(workbook.url()).toMatch(new RegExp(`^${api.url}/seekers/export\\?.*ticket=`));
    expect(errors).toEqual([]);
    await context.close();
  });
});
