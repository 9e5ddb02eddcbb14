/**
 * npm run bench:web (first part) — the seeker's phone pages on weak 4G, beside the no-JavaScript
 * scan page as the floor, in the same run.
 *
 * Boots the API in-process (NODE_ENV=production) serving the built pages (dist/web, built by
 * `node scripts/build-web.mjs`) on a scratch database of the local PostgreSQL, with a gig station,
 * its code and 40 open jobs. Then, in Debian's Chromium at 360×740 (WEB.md §3):
 *   1. bytes (brotli, as they crossed the wire) of JS + CSS before the job list shows, cold cache;
 *   2. time to the job list (a job card visible) and to a job page, at 1.6 Mbit/s / 300 ms / CPU 4×
 *      and at 400 kbit/s / 600 ms / CPU 4× — median of BENCH_RUNS cold visits (default 3);
 *      the scan page /c/<token> timed the same way;
 *   3. the offline repeat visit: after one visit, the network cut, the list reloaded (CPU 4×);
 *   4. Lighthouse 12.2.3 mobile scores (performance, accessibility, best practices) for /c/<token>,
 *      /m/ and /m/jobs/<id>, with Lighthouse's default mobile emulation and simulated throttling,
 *      in its own Chromium (chrome-launcher, CHROME_PATH or /usr/bin/chromium); below a budget,
 *      the three audits that cost the most points.
 * Prints each figure with its budget and whether it is met.
 */
import 'reflect-metadata';

import { Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';
import { GigStationLevel, GigStationsService } from '@jobcode/job-sources';
import { JobKind, JobsService, WageUnit } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { machineLoad } from './bench-stats';
import { benchConfig } from './support/bench-config';
import { CHROMIUM_PATH, kb, launchBenchBrowser, type NetworkProfile, type PageTiming, PROFILES, timePage } from './support/web-timing';

const LIGHTHOUSE_VERSION = '12.2.3';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const JOBS = 40;
const LIST_READY = '.job-card';
const JOB_READY = '.job__title';
const SCAN_READY = 'header h1';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function medianOf(runs: () => Promise<PageTiming>): Promise<PageTiming> {
  const all: PageTiming[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await runs());
  return {
    ms: median(all.map((t) => t.ms)),
    scriptAndStyleBytes: median(all.map((t) => t.scriptAndStyleBytes)),
    totalBytes: median(all.map((t) => t.totalBytes)),
  };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_web_seeker');
  const config = benchConfig(scratch.url, { OUTBOX_DISPATCHER: 'off', WEB_DIR: './dist/web' });
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: 5, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  const browser = await launchBenchBrowser();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const admin = { accountId: '00000000-0000-4000-8000-000000000001', role: Role.ADMIN, regionCode: null, sessionId: 'bench' };
    const station = await app.get(GigStationsService).createStation(admin, {
      name: '瓜里乡零工中心',
      level: GigStationLevel.TOWNSHIP,
      regionCode: '450329103',
      address: '瓜里乡党群服务中心一楼',
      latitude: 26.0512,
      longitude: 110.6498,
      openingHours: '每天 7:00–18:00',
    });
    const { creditCodeCheckChar } = await import('@jobcode/common');
    const first17 = '9145032900000001M';
    const employer = await app.get(EmployersService).register(admin, {
      name: '资源县金江番茄种植专业合作社',
      creditCode: first17 + creditCodeCheckChar(first17),
      contactName: '蒋师傅',
      contactPhone: '13877331234',
      regionCode: '450329103201',
      address: '瓜里乡金江村',
    });
    const today = new Date().toISOString().slice(0, 10);
    const validTo = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const kinds = [JobKind.FULL_TIME, JobKind.GIG, JobKind.PART_TIME, JobKind.HOME_BASED];
    let jobId = '';
    for (let i = 0; i < JOBS; i++) {
      const job = await app.get(JobsService).post(admin, {
        employerId: employer.id,
        kind: kinds[i % kinds.length],
        title: `番茄采摘工（第${i + 1}批）`,
        occupation: '采摘工',
        description: '在番茄大棚采摘成熟番茄，按要求分级装筐，日结工资。',
        wageMin: 120,
        wageMax: 150,
        wageUnit: WageUnit.DAY,
        headcount: 10,
        regionCode: '450329103201',
        address: '瓜里乡金江村番茄基地',
        latitude: 26.0512 + ((i * 37) % 100) / 2000,
        longitude: 110.6498 + ((i * 53) % 100) / 2000,
        workingHours: '7:00–11:30，14:30–18:00',
        validFrom: today,
        validTo,
        stationId: station.id,
        publish: true,
      });
      jobId ||= job.id;
    }
    // The search index follows jobs through the outbox: index them now, as the dispatcher would.
    await app.get(OutboxService).drain();
    const code = await app.get(ServiceCodesService).issue(admin, { targetKind: ServiceCodeTargetKind.GIG_STATION, targetId: station.id });

    console.log(`web-seeker: ${JOBS} open jobs, median of ${RUNS} cold visits per figure, Chromium at 360×740, ${machineLoad()}`);
    const rows: string[][] = [['page', 'profile', 'JS+CSS (br)', 'all bytes', 'time', 'budget']];
    const budgets: Record<string, number> = { fast4g: 2500, slow: 4500 };
    let entryBytes = 0;
    for (const [key, profile] of Object.entries(PROFILES).filter(([key]) => key !== 'console') as [string, NetworkProfile][]) {
      const scan = await medianOf(() => timePage(browser, `${url}/c/${code.token}`, SCAN_READY, profile));
      const list = await medianOf(() => timePage(browser, `${url}/m/`, LIST_READY, profile));
      const job = await medianOf(() => timePage(browser, `${url}/m/jobs/${jobId}`, JOB_READY, profile));
      entryBytes = Math.max(entryBytes, list.scriptAndStyleBytes);
      rows.push(['/c/<token> (floor, no JS)', profile.name, kb(scan.scriptAndStyleBytes), kb(scan.totalBytes), `${scan.ms} ms`, '']);
      rows.push([
        '/m/ job list',
        profile.name,
        kb(list.scriptAndStyleBytes),
        kb(list.totalBytes),
        `${list.ms} ms`,
        `≤ ${budgets[key]} ms: ${verdict(list.ms <= budgets[key])}`,
      ]);
      rows.push(['/m/jobs/<id>', profile.name, kb(job.scriptAndStyleBytes), kb(job.totalBytes), `${job.ms} ms`, '']);
    }
    const offline = await offlineRepeat(browser, url);
    rows.push(['/m/ offline repeat visit', 'offline, CPU 4×', '—', '—', `${offline.ms} ms`, `renders: ${verdict(offline.rendered)}`]);
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
    console.log(`seeker entry JS + CSS before the list shows: ${kb(entryBytes)} brotli (budget ≤ 60 KB: ${verdict(entryBytes <= 60 * 1024)})`);
    await lighthouseScores([
      ['/c/<token> (floor, no JS)', `${url}/c/${code.token}`],
      ['/m/ job list', `${url}/m/`],
      ['/m/jobs/<id>', `${url}/m/jobs/${jobId}`],
    ]);
  } finally {
    await browser.close();
    await app.close();
    await scratch.drop();
  }
}

/** One visit online (the service worker installs), then the network cut and the list reloaded. */
async function offlineRepeat(browser: Awaited<ReturnType<typeof launchBenchBrowser>>, url: string): Promise<{ ms: number; rendered: boolean }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/m/`);
    await page.locator(LIST_READY).first().waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = Date.now();
    await page.reload({ waitUntil: 'commit' });
    const rendered = await page
      .locator(LIST_READY)
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    return { ms: Date.now() - started, rendered };
  } finally {
    await context.close();
  }
}

/** WEB.md §3: Lighthouse mobile budgets, as whole-number scores. */
const LIGHTHOUSE_BUDGETS = { performance: 90, accessibility: 95, 'best-practices': 95 } as const;
type LighthouseCategory = keyof typeof LIGHTHOUSE_BUDGETS;

/**
 * Lighthouse (ESM-only; Node 20.19+ loads it through require(esm), which is what swc makes of this
 * dynamic import) in a Chromium of its own, since it drives the browser over a debugging port.
 * One run per page, default mobile config (Moto G Power emulation, simulated slow 4G, CPU 4×).
 */
async function lighthouseScores(pages: [label: string, url: string][]): Promise<void> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const categories = Object.keys(LIGHTHOUSE_BUDGETS) as LighthouseCategory[];
  const rows: string[][] = [['page', ...categories.map((c) => `${c} (≥ ${LIGHTHOUSE_BUDGETS[c]})`)]];
  const losses: string[] = [];
  try {
    console.log(`lighthouse ${LIGHTHOUSE_VERSION} mobile (default emulation and simulated throttling), one run per page, ${machineLoad()}`);
    for (const [label, url] of pages) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
      if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const row = [label];
      for (const id of categories) {
        const category = lhr.categories[id];
        const score = category.score === null ? null : Math.round(category.score * 100);
        const met = score !== null && score >= LIGHTHOUSE_BUDGETS[id];
        row.push(`${score ?? 'n/a'} ${verdict(met)}`);
        if (met) continue;
        // Points an audit costs = its weight's share of the category × what it missed.
        const total = category.auditRefs.reduce((sum, ref) => sum + ref.weight, 0);
        const costs = category.auditRefs
          .map((ref) => ({ audit: lhr.audits[ref.id], cost: (ref.weight / total) * (1 - (lhr.audits[ref.id].score ?? 1)) * 100 }))
          .filter((entry) => entry.cost > 0)
          .sort((a, b) => b.cost - a.cost)
          .slice(0, 3);
        losses.push(`${label} ${id} ${score ?? 'n/a'}: ` + costs.map(({ audit, cost }) => `${audit.id} −${cost.toFixed(1)}${detail(audit)}`).join('; '));
      }
      rows.push(row);
    }
  } finally {
    await chrome.kill();
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  for (const line of losses) console.log(`  costs most: ${line}`);
}

/** What an audit measured, or the first elements it failed on (accessibility audits name nodes). */
function detail(audit: { displayValue?: string; details?: unknown }): string {
  if (audit.displayValue) return ` (${audit.displayValue})`;
  const items = (audit.details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? [];
  const selectors = items.flatMap((item) => (item.node?.selector ? [item.node.selector] : [])).slice(0, 3);
  return selectors.length ? ` (${selectors.join(', ')})` : '';
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
