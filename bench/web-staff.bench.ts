/**
 * npm run bench:web (third part) — the staff console's dashboard on a county office's line:
 * bytes of JS + CSS (brotli, as served) and the time until the first chart is drawn, at
 * 1.6 Mbit/s, 300 ms RTT, CPU 2× (WEB.md §3: ≤ 350 KB for a first screen, dashboard ≤ 3.5 s),
 * beside a same-run baseline: the console's sign-in page. Also the desk (the first screen
 * after sign-in), which must not load ECharts.
 *
 * Boots the API in-process on a scratch database with the built pages (dist/web), registers
 * BENCH_PEOPLE seekers (default 60) and one placement each over 2025–2026 through GraphQL, so the
 * dashboard has figures for both years, then measures each page BENCH_RUNS times (default 3) with
 * a cold cache and reports the median. Stops by itself.
 */
import 'reflect-metadata';

import type { Browser, BrowserContext } from 'playwright-core';

import { AccountsService } from '@jobcode/accounts';
import { idNumberCheckChar, Role } from '@jobcode/common';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchConfig } from './support/bench-config';
import { kb, launchBenchBrowser, type PageTiming, PROFILES, timePage } from './support/web-timing';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'Bench-Passw0rd-staff';
const VILLAGES = ['450329103201', '450329103202', '450329202201', '450329100201', '450329101201'];
const WORKPLACES = ['450329100', '4503', '4419', '450329103'];

interface Session {
  accessToken: string;
  expiresAt: string;
  sessionExpiresAt: string;
  account: { id: string; role: string; name: string };
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function seed(url: string, token: string): Promise<void> {
  for (let i = 0; i < PEOPLE; i += 1) {
    const first17 = `450329${1970 + (i % 30)}0${1 + (i % 9)}1${i % 10}${String(i).padStart(3, '0').slice(-2)}${i % 2}`.slice(0, 17);
    const { registerJobSeeker } = await gql<{ registerJobSeeker: { id: string } }>(
      url,
      `mutation($input: RegisterJobSeekerInput!) { registerJobSeeker(input: $input) { id } }`,
      {
        input: {
          name: `测试${i}`,
          idNumber: `${first17}${idNumberCheckChar(first17)}`,
          phone: `139${String(7_000_000 + i).padStart(8, '0')}`,
          regionCode: VILLAGES[i % VILLAGES.length],
          laborCapacity: 'FULL',
          supportGroupCodes: i % 3 === 0 ? ['LIFTED_OUT'] : i % 7 === 0 ? ['MONITORED'] : [],
          consentToRecommend: true,
        },
      },
      token,
    );
    const year = i % 2 === 0 ? 2025 : 2026;
    await gql(
      url,
      `mutation($input: RecordPlacementInput!) { recordPlacement(input: $input) { id } }`,
      {
        input: {
          jobSeekerId: registerJobSeeker.id,
          startDate: `${year}-${String(1 + (i % 11)).padStart(2, '0')}-01`,
          workplaceRegionCode: WORKPLACES[i % WORKPLACES.length],
          workplaceName: '某单位',
        },
      },
      token,
    );
  }
}

/** A fresh desktop context (cold cache), signed in when a session is given. */
async function desktop(browser: Browser, session?: Session): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (session)
    await context.addInitScript(
      (value) =>
        (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('jobcode.session.staff', value),
      JSON.stringify(session),
    );
  return context;
}

async function median(browser: Browser, url: string, ready: string, session?: Session): Promise<PageTiming> {
  const runs: PageTiming[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await desktop(browser, session);
    const page = await context.newPage();
    runs.push(await timePage(browser, url, ready, PROFILES.console, { page }));
    await context.close();
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_web_staff');
  const config = benchConfig(scratch.url);
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: 4, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  let browser: Browser | null = null;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const phone = '13900000001';
    await app.get(AccountsService).create({ role: Role.STAFF, phone, password: PASSWORD, name: '县人社局', regionCode: '450329' });
    const { signIn } = await gql<{ signIn: Session }>(
      url,
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken expiresAt sessionExpiresAt account { id role name } } }`,
      { input: { phone, password: PASSWORD } },
    );
    await seed(url, signIn.accessToken);
    console.log(`seeded ${PEOPLE} seekers with a placement each; ${RUNS} cold runs per page, median, ${PROFILES.console.name}, 1280×800\n`);

    browser = await launchBenchBrowser();
    const rows: [string, PageTiming][] = [
      ['sign-in page (baseline)', await median(browser, `${url}/s/sign-in`, 'button:has-text("登录")')],
      ['desk (first screen after sign-in)', await median(browser, `${url}/s/desk`, 'h1:has-text("求职登记")', signIn)],
      ['dashboard, until the first chart', await median(browser, `${url}/s/dashboard`, '[role="img"] svg', signIn)],
    ];
    console.log(`${'page'.padEnd(36)} ${'JS+CSS (br)'.padStart(12)} ${'all bytes'.padStart(12)} ${'time'.padStart(9)}`);
    for (const [label, timing] of rows) {
      console.log(
        `${label.padEnd(36)} ${kb(timing.scriptAndStyleBytes).padStart(12)} ${kb(timing.totalBytes).padStart(12)} ${`${(timing.ms / 1000).toFixed(2)} s`.padStart(9)}`,
      );
    }
    const [, base] = rows[0]!;
    const [, dash] = rows[2]!;
    // Where the dashboard's time goes: each request's start and end after navigation (one more cold run).
    const context = await desktop(browser, signIn);
    const page = await context.newPage();
    await timePage(browser, `${url}/s/dashboard`, '[role="img"] svg', PROFILES.console, { page });
    const entries = (await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as unknown as { name: string; startTime: number; responseEnd: number; encodedBodySize: number };
        return { name: r.name.replace(/^https?:\/\/[^/]+/, ''), start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize };
      }),
    )) as { name: string; start: number; end: number; bytes: number }[];
    const chart = (await page.evaluate(() => performance.getEntriesByName('first-chart')[0]?.startTime ?? null)) as number | null;
    await context.close();
    console.log('\ndashboard waterfall (ms after navigation start):');
    for (const e of entries.sort((a, b) => a.start - b.start)) {
      console.log(
        `  ${String(Math.round(e.start)).padStart(5)} → ${String(Math.round(e.end)).padStart(5)}  ${kb(e.bytes).padStart(9)}  ${e.name.slice(0, 60)}`,
      );
    }
    if (chart !== null) console.log(`  first chart drawn (ECharts 'finished') at ${Math.round(chart)} ms`);
    console.log(
      `\ndashboard over the sign-in baseline: +${kb(dash.scriptAndStyleBytes - base.scriptAndStyleBytes)} JS+CSS, +${((dash.ms - base.ms) / 1000).toFixed(2)} s` +
        ` (budget: first chart ≤ 3.5 s; first screen ≤ 350 KB)`,
    );
  } finally {
    await browser?.close();
    await app.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
