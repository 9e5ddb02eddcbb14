/**
 * npm run bench:web (third line) — the employer console's first screen, throttled as WEB.md §3
 * states the console budget (≤ 350 KB brotli of JS + CSS; 1.6 Mbit/s, 300 ms RTT, CPU 2×).
 *
 * Boots the API in-process (NODE_ENV=production, serving dist/web) on a scratch database of
 * the local PostgreSQL, with one verified employer and five open jobs (one of them gig work),
 * then times in Chromium, each cold (fresh profile), median of
 * BENCH_RUNS (default 3):
 *   - baseline: the sign-in page (/e/sign-in) until its heading shows — the console's floor;
 *   - home (/e/, signed in, 1280×800) until what needs attention has loaded;
 *   - today's roster (/e/roster, signed in, 390×844) until the day's bookings show.
 * Prints bytes of JS + CSS received (as served, brotli) and milliseconds, beside the baseline.
 */
import 'reflect-metadata';

import { AccountsService } from '@jobcode/accounts';
import { creditCodeCheckChar, Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';
import { JobKind, JobsService, WageUnit } from '@jobcode/jobs';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchConfig } from './support/bench-config';
import { kb, launchBenchBrowser, PROFILES, timePage, type PageTiming } from './support/web-timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PASSWORD = 'Bench-Passw0rd-1';

function median(timings: PageTiming[]): PageTiming {
  const sorted = [...timings].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_web_employer');
  const config = benchConfig(scratch.url, { OUTBOX_DISPATCHER: 'off', WEB_DIR: 'dist/web' });
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: 5, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  const browser = await launchBenchBrowser();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    // One verified employer with five open jobs (a gig job among them, with a shift today).
    const admin = { accountId: '00000000-0000-4000-8000-000000000001', role: Role.ADMIN, regionCode: null, sessionId: 'bench' };
    const accounts = app.get(AccountsService);
    const employerAccount = await accounts.create({ role: Role.EMPLOYER, phone: '13977330001', password: PASSWORD, name: '蒋师傅', regionCode: null });
    const signedIn = await gql<{ signIn: Record<string, unknown> }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken expiresAt sessionExpiresAt account { id role name } } }`,
      { i: { phone: '13977330001', password: PASSWORD } },
    );
    const token = signedIn.signIn.accessToken as string;
    const first17 = '93450329MA0BENCH1';
    const employer = await gql<{ registerEmployer: { id: string } }>(
      `mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`,
      {
        i: {
          name: '资源县金江番茄种植专业合作社',
          creditCode: first17 + creditCodeCheckChar(first17),
          contactName: '蒋师傅',
          contactPhone: '13977330001',
          regionCode: '450329103201',
          address: '瓜里乡金江村',
        },
      },
      token,
    );
    const employerId = employer.registerEmployer.id;
    await app.get(EmployersService).verify(admin, employerId);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const validTo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 30 * 86_400_000));
    const jobs = app.get(JobsService);
    const actor = { accountId: employerAccount.id, role: Role.EMPLOYER, regionCode: null, sessionId: 'bench' };
    for (let i = 0; i < 5; i++) {
      const gig = i === 0;
      await jobs.post(actor, {
        employerId,
        kind: gig ? JobKind.GIG : JobKind.FULL_TIME,
        title: gig ? '番茄采摘（日结）' : `大棚管理员 ${i}`,
        occupation: gig ? '采摘工' : '农艺工',
        description: '金江村番茄基地，按时上下班。',
        wageMin: gig ? 150 : 3000,
        wageMax: gig ? 180 : 4000,
        wageUnit: gig ? WageUnit.DAY : WageUnit.MONTH,
        headcount: 5,
        regionCode: '450329103201',
        address: '资源县瓜里乡金江村番茄基地',
        latitude: 25.9437,
        longitude: 110.6145,
        workingHours: '7:00–17:00',
        validFrom: today,
        validTo,
        publish: true,
      });
    }

    const session = JSON.stringify(signedIn.signIn);
    const withSession = async (page: import('playwright-core').Page) => {
      await page.addInitScript(`localStorage.setItem('jobcode.session.employer', ${JSON.stringify(session)});`);
    };
    const measure = async (url: string, ready: string, viewport: { width: number; height: number }, signed: boolean) => {
      const runs: PageTiming[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timePage(browser, url, ready, PROFILES.console, { viewport, ...(signed ? { before: withSession } : {}) }));
      return median(runs);
    };

    const DESKTOP = { width: 1280, height: 800 };
    const PHONE = { width: 390, height: 844 };
    const baseline = await measure(`${base}/e/sign-in`, 'h1:has-text("用人单位登录")', DESKTOP, false);
    const home = await measure(`${base}/e/`, 'text=7 天内没有到期的岗位。', DESKTOP, true);
    const roster = await measure(`${base}/e/roster`, 'text=今天没有零工预约', PHONE, true);

    console.log(`\nEmployer console (/e/), ${PROFILES.console.name}, cold cache, median of ${RUNS}; budget: ≤ 350 KB brotli JS + CSS for the first screen`);
    console.log('| page | JS + CSS (brotli, as served) | all bytes | visible after |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, t] of [
      ['baseline: sign-in page (1280×800)', baseline],
      ['home, what needs attention (1280×800)', home],
      ["today's roster (390×844)", roster],
    ] as const) {
      console.log(`| ${name} | ${kb(t.scriptAndStyleBytes)} | ${kb(t.totalBytes)} | ${(t.ms / 1000).toFixed(2)} s |`);
    }
    const signed = (bytes: number) => `${bytes < 0 ? '−' : '+'}${kb(Math.abs(bytes))}`;
    console.log(
      `home vs. sign-in: ${signed(home.scriptAndStyleBytes - baseline.scriptAndStyleBytes)} JS + CSS, +${((home.ms - baseline.ms) / 1000).toFixed(2)} s (the GraphQL round trips of what needs attention)`,
    );
  } finally {
    await browser.close();
    await app.close();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
