/**
 * npm run bench:memory — the API process's memory: idle after boot and seeding, peak under a
 * searchJobs load (autocannon, BENCH_CONNECTIONS connections for BENCH_SECONDS), and
 * BENCH_SETTLE_SECONDS after the load. RSS is sampled every 200 ms in the API's own process, with
 * the V8 heap and the memory outside it (buffers, native) beside it, so a figure says where the
 * memory is. The load comes from a child process, so its memory is not counted. Baseline: the
 * same process's RSS idle (the peak's ratio to it).
 *
 * Each setup runs in a process of its own (BENCH_MEMORY_SETUPS, comma-separated, default all):
 *   server        PostgreSQL server (a scratch database on DATABASE_URL's server), default V8 heap;
 *   embedded      no DATABASE_URL: PostgreSQL (PGlite, WebAssembly) inside the API process, in a
 *                 fresh data folder, default V8 heap;
 *   embedded-192  the same with `--max-old-space-size=192`, as `npm start` runs it;
 *   server-192    the server setup with that flag, as `npm start` and the Docker image run it.
 * All four run by default, the two that ship first.
 * The embedded setups count PGlite's WebAssembly memory in the API's RSS: it is the same process.
 */
import 'reflect-metadata';

import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { employersDemo } from '@jobcode/employers';
import { jobSourcesDemo } from '@jobcode/job-sources';
import { jobsDemo } from '@jobcode/jobs';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { type DatabaseTarget, resolveDatabase } from '../apps/api/src/bootstrap/database';
import { DemoRandom } from '../apps/api/src/commands/demo-random';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchResult, machineLoad } from './bench-stats';
import { benchConfig } from './support/bench-config';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 30);
const QUERIES = ['缝纫', '普工', '采摘', '保洁', '司机', '服务员', '番茄', '日结', '包吃住', 'fengren'];
/** What `npm start` gives V8's old space (package.json `start`). */
const START_OLD_SPACE_MB = 192;

interface Setup {
  name: string;
  embedded: boolean;
  oldSpaceMb?: number;
  label: string;
}

const SETUPS: Setup[] = [
  { name: 'server', embedded: false, label: 'PostgreSQL server, default V8 heap' },
  { name: 'embedded', embedded: true, label: 'embedded PGlite, default V8 heap' },
  {
    name: `embedded-${START_OLD_SPACE_MB}`,
    embedded: true,
    oldSpaceMb: START_OLD_SPACE_MB,
    label: `embedded PGlite, --max-old-space-size=${START_OLD_SPACE_MB} (npm start)`,
  },
  {
    name: `server-${START_OLD_SPACE_MB}`,
    embedded: false,
    oldSpaceMb: START_OLD_SPACE_MB,
    label: `PostgreSQL server, --max-old-space-size=${START_OLD_SPACE_MB}`,
  },
];
/** The two that `npm start` and the Docker image run first (both set the 192 MB old space), then the same without the limit. */
const DEFAULT_SETUPS = [`server-${START_OLD_SPACE_MB}`, `embedded-${START_OLD_SPACE_MB}`, 'server', 'embedded'];

interface Sample {
  at: number;
  rss: number;
  heap: number;
  heapTotal: number;
  external: number;
}

interface Measured {
  setup: string;
  requestsPerSecond: number;
  idle: Sample;
  peak: Sample;
  after: Sample;
  load: string;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const searchBody = (q: string) =>
  JSON.stringify({
    query: `query($q: String) { searchJobs(query: $q, first: 20) { totalCount edges { node { id title wageMin wageMax employer { name } } } facets { kind { label count } } } }`,
    variables: { q },
  });

/** The load generator, in its own process: autocannon against the API's port, the result sent back. */
async function load(port: number): Promise<void> {
  const requests = QUERIES.map((q) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body: searchBody(q) }));
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, requests, connections: CONNECTIONS, duration: DURATION_SECONDS });
  process.send?.({ average: result.requests.average, non2xx: result.non2xx, errors: result.errors });
}

/** The database of a setup: a scratch database on the server, or PGlite in a fresh data folder (what `npm start` does without DATABASE_URL). */
async function database(setup: Setup): Promise<{ target: DatabaseTarget; dataDir?: string; drop(): Promise<void> }> {
  if (!setup.embedded) {
    const scratch = await createScratchDatabase('jobcode_bench');
    return {
      target: { url: scratch.url, embedded: false, poolSize: 10, description: 'bench', stop: async () => undefined },
      drop: () => scratch.drop(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcode-bench-memory-'));
  const target = await resolveDatabase(benchConfig(undefined, { DATA_DIR: dataDir }));
  return {
    target,
    dataDir,
    async drop() {
      await target.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One setup, in this (child) process: boot, seed, idle, load, settle. */
async function measure(setup: Setup): Promise<Measured> {
  const db = await database(setup);
  // A failure to boot still drops the scratch database.
  const { app } = await (async () =>
    createApp({
      config: benchConfig(setup.embedded ? undefined : db.target.url, { RATE_LIMIT_PER_MINUTE: '100000', ...(db.dataDir ? { DATA_DIR: db.dataDir } : {}) }),
      database: db.target,
      logger: ['error'],
    }))().catch(async (error: unknown) => {
    await db.drop();
    throw error;
  });
  const samples: Sample[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ at: Date.now(), rss: m.rss, heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external + m.arrayBuffers });
  };
  const timer = setInterval(sample, 200);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.getHttpServer().address() as { port: number }).port;
    const random = new DemoRandom(20261122);
    for (const step of [employersDemo, jobSourcesDemo, jobsDemo]) console.log(`[${setup.name}] seed: ${step.name}: ${await step.run(app, random)}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    sample();
    const idle = samples[samples.length - 1];
    const check = (await (
      await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: searchBody(QUERIES[0]) })
    ).json()) as { data?: { searchJobs?: { edges: unknown[] } } };
    if (!check.data?.searchJobs?.edges.length) throw new Error(`searchJobs found nothing: ${JSON.stringify(check).slice(0, 300)}`);
    const loadStarted = Date.now();
    // The load comes from another process, so that its memory is not counted as the API's.
    const result = await new Promise<{ average: number; non2xx: number; errors: number }>((resolve, reject) => {
      const loader = fork(__filename, ['--load', String(port)], { stdio: 'inherit', execArgv: ['--enable-source-maps'] });
      loader.on('message', (message) => resolve(message as { average: number; non2xx: number; errors: number }));
      loader.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`searchJobs: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
    const loadEnded = Date.now();
    const load = machineLoad();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
    sample();
    const during = samples.filter((s) => s.at >= loadStarted && s.at <= loadEnded + 500);
    const peak = during.reduce((a, b) => (b.rss > a.rss ? b : a), idle);
    const after = samples[samples.length - 1];
    return { setup: setup.name, requestsPerSecond: result.average, idle, peak, after, load };
  } finally {
    clearInterval(timer);
    await app.close();
    await db.drop();
  }
}

/** Runs one setup in a child process with its own V8 flags; resolves with its figures, or the reason it failed. */
function runSetup(setup: Setup): Promise<Measured | { setup: string; failed: string }> {
  return new Promise((resolve) => {
    const execArgv = ['--enable-source-maps', ...(setup.oldSpaceMb ? [`--max-old-space-size=${setup.oldSpaceMb}`] : [])];
    const child = fork(__filename, ['--setup', setup.name], { stdio: 'inherit', execArgv });
    let measured: Measured | undefined;
    child.on('message', (message) => (measured = message as Measured));
    child.on('exit', (code, signal) => resolve(measured ?? { setup: setup.name, failed: `exited with ${signal ?? code}` }));
  });
}

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_MEMORY_SETUPS ?? DEFAULT_SETUPS.join(',')).split(',').map((s) => s.trim());
  const unknown = wanted.filter((name) => !SETUPS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`BENCH_MEMORY_SETUPS: unknown ${unknown.join(', ')} (known: ${SETUPS.map((s) => s.name).join(', ')})`);
  const results: (Measured | { setup: string; failed: string })[] = [];
  // One after another: two at once would share the machine.
  for (const setup of SETUPS.filter((s) => wanted.includes(s.name))) results.push(await runSetup(setup));

  const line = (label: string, s: Sample) =>
    `  ${label.padEnd(34)} RSS ${String(mb(s.rss)).padStart(5)} MB   V8 heap used ${String(mb(s.heap)).padStart(4)} of ${String(mb(s.heapTotal)).padStart(4)} MB   buffers + external ${String(mb(s.external)).padStart(4)} MB   rest (native, WASM) ${String(mb(s.rss - s.heapTotal - s.external)).padStart(4)} MB`;
  console.log(`\nsearchJobs load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s; RSS sampled every 200 ms in the API process`);
  for (const r of results) {
    const setup = SETUPS.find((s) => s.name === r.setup)!;
    if ('failed' in r) {
      console.log(`\n${setup.label}: FAILED (${r.failed})`);
      continue;
    }
    console.log(`\n${setup.label}: ${Math.round(r.requestsPerSecond)} req/s; ${r.load} at the end of the load`);
    console.log(line('idle (booted, demo county seeded)', r.idle));
    console.log(line('peak under the load', r.peak));
    console.log(line(`${SETTLE_SECONDS} s after the load`, r.after));
  }
  for (const r of results) {
    if ('failed' in r) continue;
    benchResult({
      bench: 'memory',
      size: `${r.setup}: searchJobs, ${CONNECTIONS} connections, ${DURATION_SECONDS} s`,
      figure: `peak RSS ${mb(r.peak.rss)} MB, ${mb(r.after.rss)} MB ${SETTLE_SECONDS} s after (${Math.round(r.requestsPerSecond)} req/s)`,
      baseline: `idle RSS ${mb(r.idle.rss)} MB`,
      ratio: `peak ${(r.peak.rss / r.idle.rss).toFixed(2)}× idle`,
    });
  }
  const failed = results.filter((r) => 'failed' in r);
  if (failed.length) throw new Error(`setups failed: ${failed.map((r) => r.setup).join(', ')}`);
}

if (process.argv[2] === '--load') {
  void load(Number(process.argv[3])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[2] === '--setup') {
  const setup = SETUPS.find((s) => s.name === process.argv[3])!;
  void measure(setup)
    .then((measured) => process.send?.(measured, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
