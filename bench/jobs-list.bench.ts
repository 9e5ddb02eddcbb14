/**
 * npm run bench:jobs — what does listing a station's jobs cost through the whole stack?
 *
 * Boots the API in-process on a scratch database of the local PostgreSQL, loads the demo
 * county (employers, stations, jobs), makes sure one gig station has 25 open jobs, then
 * runs autocannon against:
 *   1. the GraphQL query a station's QR page sends: 20 open jobs with employer and source;
 *   2. a bare node:http + pg server answering the same 20 rows as JSON (the ceiling).
 * Prints requests/s and p99 latency of both and the ratio. Keep it short: the machine is shared.
 */
import 'reflect-metadata';

import { type Server } from 'node:http';

import autocannon from 'autocannon';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { Role } from '@jobcode/common';
import { employersDemo, Employer } from '@jobcode/employers';
import { GigStation, jobSourcesDemo } from '@jobcode/job-sources';
import { jobsDemo, JobKind, JobsService, WageUnit } from '@jobcode/jobs';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { DemoRandom } from '../apps/api/src/commands/demo-random';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchResult, machineLoad } from './bench-stats';
import { benchConfig } from './support/bench-config';
import { startBareServer } from './support/bare-server';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL_SIZE = 10;

const QUERY = `query StationJobs($stationId: ID!) {
  jobs(stationId: $stationId, status: OPEN, first: 20) {
    edges { node { id title wageMin wageMax wageUnit validTo employer { id name } source { ... on GigStation { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The same rows in one hand-written statement. */
const BARE_SQL = `SELECT j.id, j.title, j.wage_min, j.wage_max, j.wage_unit, j.valid_to, e.id AS employer_id, e.name AS employer_name, s.id AS station_id, s.name AS station_name
  FROM job j LEFT JOIN employer e ON e.id = j.employer_id LEFT JOIN gig_station s ON s.id = j.station_id
 WHERE j.station_id = $1 AND j.status = 'OPEN' AND j.valid_to >= (now() AT TIME ZONE 'Asia/Shanghai')::date
 ORDER BY j.created_at DESC, j.id DESC LIMIT 20`;

async function run(title: string, options: autocannon.Options): Promise<autocannon.Result> {
  // A worker thread generates the load, so it does not share the event loop with the servers it measures.
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_SECONDS, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench');
  const config = benchConfig(scratch.url, {
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: POOL_SIZE, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  let bare: Server | undefined;
  const pool = new Pool({ connectionString: scratch.url, max: POOL_SIZE });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const apiPort = (app.getHttpServer().address() as { port: number }).port;

    const random = new DemoRandom(20261122);
    for (const step of [employersDemo, jobSourcesDemo, jobsDemo]) console.log(`seed: ${step.name}: ${await step.run(app, random)}`);
    const dataSource = app.get(DataSource);
    const station = await dataSource.manager.findOneByOrFail(GigStation, { name: '瓜里乡零工中心' });
    const employer = await dataSource.manager.findOneByOrFail(Employer, { name: '资源县金江番茄种植专业合作社' });
    const admin = { accountId: employer.registeredBy, role: Role.ADMIN, regionCode: null, sessionId: 'bench' };
    const jobs = app.get(JobsService);
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 25; i++) {
      await jobs.post(admin, {
        employerId: employer.id,
        kind: JobKind.GIG,
        title: `番茄采摘工（第${i + 1}批）`,
        occupation: '采摘工',
        description: '在番茄大棚采摘成熟番茄，按要求分级装筐，日结工资。',
        wageMin: 120,
        wageMax: 150,
        wageUnit: WageUnit.DAY,
        headcount: 10,
        regionCode: '450329103201',
        address: '瓜里乡金江村番茄基地',
        latitude: 25.9556,
        longitude: 110.6048,
        workingHours: '7:00–11:30，14:30–18:00',
        validFrom: today,
        validTo: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        stationId: station.id,
        publish: true,
      });
    }

    const started = await startBareServer(pool, BARE_SQL, [station.id]);
    bare = started.server;
    const barePort = started.port;

    const body = JSON.stringify({ query: QUERY, variables: { stationId: station.id } });
    const check = await (await fetch(`http://127.0.0.1:${apiPort}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
    const edges = (check as { data?: { jobs?: { edges?: unknown[] } } }).data?.jobs?.edges ?? [];
    const bareRows = ((await (await fetch(`http://127.0.0.1:${barePort}/`)).json()) as { data: { jobs: unknown[] } }).data.jobs;
    if (edges.length !== 20 || bareRows.length !== 20)
      throw new Error(`expected 20 rows from both, got ${edges.length} and ${bareRows.length}: ${JSON.stringify(check).slice(0, 300)}`);

    const server = (await pool.query('SHOW server_version')).rows[0].server_version;
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_SECONDS} s each, pool ${POOL_SIZE}, PostgreSQL ${server}, ${machineLoad()} (shared machine: compare the ratio, not the absolute figures)`,
    );
    const api = await run('GraphQL', {
      url: `http://127.0.0.1:${apiPort}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const baseline = await run('bare', { url: `http://127.0.0.1:${barePort}/` });

    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p99 ${String(r.latency.p99).padStart(5)} ms   (${r.requests.total} requests)`;
    console.log(row('GraphQL jobs(stationId, first: 20) + employer + source', api));
    console.log(row('bare node:http + pg, same 20 rows', baseline));
    console.log(`ratio: the API serves ${((api.requests.average / baseline.requests.average) * 100).toFixed(1)} % of the bare baseline's requests/s`);
    benchResult({
      bench: 'jobs',
      size: `${CONNECTIONS} connections, ${DURATION_SECONDS} s`,
      figure: `jobs(stationId) ${Math.round(api.requests.average)} req/s, p99 ${api.latency.p99} ms`,
      baseline: `bare node:http + pg ${Math.round(baseline.requests.average)} req/s, p99 ${baseline.latency.p99} ms`,
      ratio: `${((api.requests.average / baseline.requests.average) * 100).toFixed(1)} % of bare`,
    });
  } finally {
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await pool.end();
    await app.close();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
