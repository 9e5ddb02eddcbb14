import type { Page } from 'playwright-core';

import { TEST_PASSWORD } from '../support/test-app';

/** Signs in through the console's own form, as a person would. */
export async function signInAsStaff(page: Page, url: string, phone: string): Promise<void> {
  await page.goto(`${url}/s/`);
  await page.waitForURL(/\/s\/sign-in/);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}
