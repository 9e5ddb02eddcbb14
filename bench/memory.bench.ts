/**
 * npm run bench:memory — the API process's memory: idle after boot and seeding, peak under a
 * searchJobs load (autocannon, BENCH_CONNECTIONS connections for BENCH_SECONDS), and
 * BENCH_SETTLE_SECONDS after the load. RSS is sampled every 200 ms in the API's own process, with
 * the V8 heap and the memory outside it (buffers, native) beside it, so a figure says where the
 * memory is. The load comes from a child process, so its memory is not counted. Baseline: the
 * same process's RSS idle (the peak's ratio to it).
 */
import 'reflect-metadata';

import { fork } from 'node:child_process';

import autocannon from 'autocannon';

import { employersDemo } from '@jobcode/employers';
import { jobSourcesDemo } from '@jobcode/job-sources';
import { jobsDemo } from '@jobcode/jobs';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { DemoRandom } from '../apps/api/src/commands/demo-random';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchResult, machineLoad } from './bench-stats';
import { benchConfig } from './support/bench-config';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 30);
const QUERIES = ['缝纫', '普工', '采摘', '保洁', '司机', '服务员', '番茄', '日结', '包吃住', 'fengren'];

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

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench');
  // A failure to boot still drops the scratch database.
  const { app } = await (async () =>
    createApp({
      config: benchConfig(scratch.url, { RATE_LIMIT_PER_MINUTE: '100000' }),
      database: { url: scratch.url, embedded: false, poolSize: 10, description: 'bench', stop: async () => undefined },
      logger: ['error'],
    }))().catch(async (error: unknown) => {
    await scratch.drop();
    throw error;
  });
  const samples: { at: number; rss: number; heap: number; heapTotal: number; external: number }[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ at: Date.now(), rss: m.rss, heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external + m.arrayBuffers });
  };
  const timer = setInterval(sample, 200);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.getHttpServer().address() as { port: number }).port;
    const random = new DemoRandom(20261122);
    for (const step of [employersDemo, jobSourcesDemo, jobsDemo]) console.log(`seed: ${step.name}: ${await step.run(app, random)}`);
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
      const loader = fork(__filename, ['--load', String(port)], { stdio: 'inherit' });
      loader.on('message', (message) => resolve(message as { average: number; non2xx: number; errors: number }));
      loader.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`searchJobs: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
    const loadEnded = Date.now();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
    sample();
    const during = samples.filter((s) => s.at >= loadStarted && s.at <= loadEnded + 500);
    const peak = during.reduce((a, b) => (b.rss > a.rss ? b : a), idle);
    const after = samples[samples.length - 1];
    const line = (label: string, s: (typeof samples)[number]) =>
      `${label.padEnd(34)} RSS ${String(mb(s.rss)).padStart(5)} MB   V8 heap used ${String(mb(s.heap)).padStart(4)} of ${String(mb(s.heapTotal)).padStart(4)} MB   buffers + external ${String(mb(s.external)).padStart(4)} MB`;
    console.log(`\nsearchJobs load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s, ${Math.round(result.average)} req/s; ${machineLoad()}`);
    console.log(line('idle (booted, demo county seeded)', idle));
    console.log(line('peak under the load', peak));
    console.log(line(`${SETTLE_SECONDS} s after the load`, after));
    benchResult({
      bench: 'memory',
      size: `searchJobs, ${CONNECTIONS} connections, ${DURATION_SECONDS} s`,
      figure: `peak RSS ${mb(peak.rss)} MB, ${mb(after.rss)} MB ${SETTLE_SECONDS} s after`,
      baseline: `idle RSS ${mb(idle.rss)} MB`,
      ratio: `peak ${(peak.rss / idle.rss).toFixed(2)}× idle`,
    });
  } finally {
    clearInterval(timer);
    await app.close();
    await scratch.drop();
  }
}

void (process.argv[2] === '--load' ? load(Number(process.argv[3])) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
