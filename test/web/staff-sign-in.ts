import type { Page } from 'playwright-core';

import { TEST_PASSWORD } from '../support/test-app';

/** Signs in through the console's own form, as a person would. */
export async function signInAsStaff(page: Page, url: string, phone: string): Promise<void> {
  await page.goto(`${url}/s/`);
  await page.waitForURL(/\/s\/sign-in/);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // The console's bar (its menu is beside the page on a desk, in a drawer on a phone).
  await page.getByRole('button', { name: '退出' }).waitFor();
}
