import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

import { useEmbeddedDatabase } from './test-database';

/**
 * Browser tests drive Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`) with
 * playwright-core, against the pages built by `npm run build:web` and served by a test API.
 * Playwright gives each launch a fresh temporary profile. Without Chromium they are skipped loudly; in CI (CI=true) a missing Chromium fails them.
 */
// The pages are tested on the embedded database, the one `npm start` gives a new user.
useEmbeddedDatabase();

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Where screenshots go: one folder per surface, for a person to look at. */
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** The built pages the test API serves (WEB_DIR). */
export const WEB_DIR = resolve('dist/web');

export const PHONE = { width: 360, height: 740 };
export const EMPLOYER_PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** `describe` for browser tests: skipped with a loud reason where Chromium is missing, never in CI. */
export const describeInBrowser: (name: string, body: () => void) => void = (name, body) => {
  if (chromiumAvailable) return describe(name, body);
  if (process.env.CI) {
    return describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it with apt-get install -y chromium fonts-noto-cjk`);
      });
    });
  }
  console.warn(`SKIPPED browser tests "${name}": no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium fonts-noto-cjk`);
  return describe.skip(`${name} (skipped: no Chromium; apt-get install -y chromium fonts-noto-cjk)`, body);
};

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
  /** A fresh browser profile (cookies, storage, service workers) at a viewport. */
  context(viewport: { width: number; height: number }, options?: { isMobile?: boolean }): Promise<BrowserContext>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    async context(viewport, options = {}) {
      return browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: options.isMobile ?? viewport.width < 500,
        hasTouch: viewport.width < 500,
      });
    },
    async close() {
      await browser.close();
    },
  };
}

/** axe-core on the page once its animations have settled: fails with the rule, its impact and the elements on any serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  // Judge the page as a person sees it once it has settled: a tag or a toast fading in is
  // half transparent for a moment, and axe would measure its contrast mid-transition.
  await page.evaluate(`(async () => {
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    const settled = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise((done) => setTimeout(done, 2000))]);
  })()`);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = bad.map(
    (violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(report).toEqual([]);
}

/** Writes `<SCREENSHOT_DIR>/<surface>/<name>.png` (full page) and returns its path. */
export async function screenshot(page: Page, surface: string, name: string): Promise<string> {
  const dir = join(SCREENSHOT_DIR, surface);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Fails the test on any uncaught page error or console error the page logs (a broken page must not pass silently). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
