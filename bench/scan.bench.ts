/**
 * npm run bench:scan — a crowd scanning a station's board at a fair.
 *
 * Boots the API in-process (NODE_ENV=production) on a scratch database of the local
 * PostgreSQL, creates a gig station with 200 open jobs and a code for it, then runs
 * autocannon (BENCH_CONNECTIONS, default 50) against:
 *   1. `scan(token)`: the station and its first 20 jobs (nearest first) with employer names,
 *      anonymous, as a crowd's phones send it (served from the scan response cache while the
 *      target version read with the token is unchanged);
 *   2. the same scan asking also for each job's `source`, a field the version does not cover,
 *      so it is executed in full every time (what a scan costs without the response cache);
 *   3. a bare node:http + pg server answering the same 20 rows as JSON (the ceiling);
 *   4. `{ __typename }` through the same stack (what the framework costs on its own).
 * Prints requests/s, p99 and the load average after each, and the ratios to the bare server.
 */
import 'reflect-metadata';

import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';

import autocannon from 'autocannon';
import { Pool } from 'pg';

import { Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';
import { GigStationLevel, GigStationsService } from '@jobcode/job-sources';
import { JobKind, JobsService, WageUnit } from '@jobcode/jobs';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchResult, machineLoad } from './bench-stats';
import { startBareServer } from './support/bare-server';
import { benchConfig } from './support/bench-config';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL_SIZE = 10;
const JOBS = 200;

const SCAN = `query Scan($token: String!) {
  scan(token: $token) {
    ... on GigStationScan { station { id name address openingHours } openJobCount jobs { distanceKm job { id title wageMin wageMax wageUnit address employer { id name } } } }
  }
}`;
/** The same, plus a field outside what the target version covers: never served from the response cache. */
const SCAN_EXECUTED = SCAN.replace('employer { id name }', 'employer { id name } source { __typename }');

/** The same 20 rows, nearest the station first, in one statement. */
const BARE_SQL = `SELECT j.id, j.title, j.wage_min, j.wage_max, j.wage_unit, j.address, e.id AS employer_id, e.name AS employer_name,
       6371 * 2 * asin(sqrt(power(sin(radians(j.latitude - s.latitude) / 2), 2) + cos(radians(s.latitude)) * cos(radians(j.latitude)) * power(sin(radians(j.longitude - s.longitude) / 2), 2))) AS distance_km
  FROM job j JOIN gig_station s ON s.id = j.station_id LEFT JOIN employer e ON e.id = j.employer_id
 WHERE j.station_id = $1 AND j.status = 'OPEN' AND j.valid_to >= (now() AT TIME ZONE 'Asia/Shanghai')::date
 ORDER BY distance_km LIMIT 20`;

interface Run {
  result: autocannon.Result;
  /** One-minute load average right after the run. */
  load: number;
}

async function run(title: string, options: autocannon.Options): Promise<Run> {
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_SECONDS, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { result, load: loadavg()[0] };
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_scan');
  const config = benchConfig(scratch.url, { OUTBOX_DISPATCHER: 'off' });
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: POOL_SIZE, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  const pool = new Pool({ connectionString: scratch.url, max: POOL_SIZE });
  let bare: Server | undefined;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const apiPort = (app.getHttpServer().address() as { port: number }).port;
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
    const employers = app.get(EmployersService);
    const jobs = app.get(JobsService);
    const today = new Date().toISOString().slice(0, 10);
    const validTo = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const employerIds: string[] = [];
    for (let e = 0; e < 10; e++) {
      const first17 = `9145032900000${String(e).padStart(3, '0')}M`;
      const { creditCodeCheckChar } = await import('@jobcode/common');
      const employer = await employers.register(admin, {
        name: `资源县第${e + 1}农业合作社`,
        creditCode: first17 + creditCodeCheckChar(first17),
        contactName: '蒋师傅',
        contactPhone: '13877331234',
        regionCode: '450329103201',
        address: '瓜里乡金江村',
      });
      employerIds.push(employer.id);
    }
    for (let i = 0; i < JOBS; i++) {
      await jobs.post(admin, {
        employerId: employerIds[i % employerIds.length],
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
        latitude: 26.0512 + ((i * 37) % 100) / 2000,
        longitude: 110.6498 + ((i * 53) % 100) / 2000,
        workingHours: '7:00–11:30，14:30–18:00',
        validFrom: today,
        validTo,
        stationId: station.id,
        publish: true,
      });
    }
    const code = await app.get(ServiceCodesService).issue(admin, { targetKind: ServiceCodeTargetKind.GIG_STATION, targetId: station.id });

    const started = await startBareServer(pool, BARE_SQL, [station.id]);
    bare = started.server;
    const barePort = started.port;

    for (const query of [SCAN, SCAN_EXECUTED]) {
      const check = (await (
        await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { token: code.token } }),
        })
      ).json()) as {
        data?: { scan?: { jobs?: unknown[]; openJobCount?: number } };
      };
      if (check.data?.scan?.jobs?.length !== 20) throw new Error(`expected 20 jobs: ${JSON.stringify(check).slice(0, 300)}`);
    }

    const server = (await pool.query('SHOW server_version')).rows[0].server_version;
    console.log(`${JOBS} open jobs at the station, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, PostgreSQL ${server}, ${machineLoad()}`);
    const graphql = (query: string, variables?: Record<string, unknown>) => ({
      url: `http://127.0.0.1:${apiPort}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const scan = await run('scan', graphql(SCAN, { token: code.token }));
    const executed = await run('scan executed', graphql(SCAN_EXECUTED, { token: code.token }));
    const baseline = await run('bare', { url: `http://127.0.0.1:${barePort}/` });
    const floor = await run('typename', graphql('{ __typename }'));
    // The ceiling of this machine for any HTTP answer: node:http, no database, no framework.
    const hello = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hello world');
    });
    await new Promise<void>((resolve) => hello.listen(0, '127.0.0.1', resolve));
    let helloWorld: Run;
    try {
      helloWorld = await run('hello world', { url: `http://127.0.0.1:${(hello.address() as { port: number }).port}/` });
    } finally {
      await new Promise<void>((resolve) => hello.close(() => resolve()));
    }
    const row = (name: string, { result, load }: Run) =>
      `${name.padEnd(62)} ${String(Math.round(result.requests.average)).padStart(7)} req/s   p99 ${String(result.latency.p99).padStart(5)} ms   load ${load.toFixed(1)}`;
    console.log(row('scan(token): station + 20 nearest jobs + employers', scan));
    console.log(row('the same scan + job.source (executed every time, not cached)', executed));
    console.log(row('bare node:http + pg, same 20 rows', baseline));
    console.log(row('{ __typename } through the same stack', floor));
    console.log(row('node:http hello world (no database, no framework)', helloWorld));
    const percent = (a: Run, b: Run) => `${((a.result.requests.average / b.result.requests.average) * 100).toFixed(1)} %`;
    console.log(
      `ratio: scan serves ${percent(scan, baseline)} of the bare server's requests/s (aim ≥ 50 %, p99 < 50 ms: ${
        scan.result.requests.average >= baseline.result.requests.average / 2 && scan.result.latency.p99 < 50 ? 'met' : 'not met'
      }); executed scan ${percent(executed, baseline)}; scan is ${percent(scan, floor)} of { __typename } and ${percent(scan, helloWorld)} of a node:http hello world`,
    );
    benchResult({
      bench: 'scan',
      size: `${CONNECTIONS} connections, ${DURATION_SECONDS} s`,
      figure: `scan(token) ${Math.round(scan.result.requests.average)} req/s, p99 ${scan.result.latency.p99} ms`,
      baseline: `bare node:http + pg ${Math.round(baseline.result.requests.average)} req/s; hello world ${Math.round(helloWorld.result.requests.average)} req/s`,
      ratio: `${percent(scan, baseline)} of bare, ${percent(scan, helloWorld)} of hello world`,
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
