/**
 * npm run bench:placement-stats — how fast are the dashboard figures on a county's 3 years of data?
 *
 * Boots the API in-process on a scratch database, generates with SQL (generate_series) 300k
 * seekers in the demo county's villages (30 % lifted out, 5 % monitored) and BENCH_PLACEMENTS
 * placements (default 5,000,000) spread over 2024–2026, then times StatisticsService.placementStats
 * for the queries a dashboard sends (county year total, by destination, by support group, by month,
 * a township by source), each BENCH_RUNS times, and prints p50/p95. Baseline beside it: the same
 * total with the covering index disabled (a plain sequential scan). Then the cost per write:
 * single-row inserts into placement with all its indexes, and the size of each index.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { type Actor, loadConfig, Role } from '@jobcode/common';
import { StatisticsService, StatsGroupBy } from '@jobcode/statistics';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { fmt, percentile, timed } from './bench-stats';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000);
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CHUNK = 1_000_000;

async function generate(dataSource: DataSource): Promise<void> {
  const villages = (
    (await dataSource.query(`SELECT code FROM region WHERE code LIKE '450329%' AND length(code) = 12 ORDER BY code`)) as { code: string }[]
  ).map((r) => r.code);
  console.log(`generate: ${PEOPLE} seekers in ${villages.length} villages`);
  await dataSource.query(
    `INSERT INTO job_seeker (id, name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity, channel)
     SELECT md5('s' || i)::uuid, '测试' || i, md5('id' || i) || md5('id2' || i), 'x', DATE '1970-01-01' + (i % 15000), CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
            md5('ph' || i) || md5('ph2' || i), 'x', ($2::text[])[1 + i % cardinality($2::text[])], CASE WHEN i % 10 = 0 THEN 'WEAK' ELSE 'FULL' END, 'IMPORT'
       FROM generate_series(1, $1::int) i`,
    [PEOPLE, villages],
  );
  await dataSource.query(
    `INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code)
     SELECT md5('s' || i)::uuid, CASE WHEN i % 20 = 0 THEN 'MONITORED' ELSE 'LIFTED_OUT' END FROM generate_series(1, $1::int) i WHERE i % 10 < 3 OR i % 20 = 0`,
    [PEOPLE],
  );
  // Bulk load the usual way: indexes off during the load, rebuilt once after it.
  const indexes = (await dataSource.query(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'placement' AND indexname NOT LIKE 'PK_%'`,
  )) as { name: string; def: string }[];
  for (const index of indexes) await dataSource.query(`DROP INDEX "${index.name}"`);
  const destinations = `(ARRAY['IN_COUNTY','IN_COUNTY','IN_PROVINCE','OUT_OF_PROVINCE'])[1 + (i * 7) % 4]`;
  for (let from = 1; from <= PLACEMENTS; from += CHUNK) {
    const to = Math.min(PLACEMENTS, from + CHUNK - 1);
    const [, ms] = await timed(() =>
      dataSource.query(
        `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date, end_date, monthly_income)
         SELECT md5('s' || s)::uuid, ($3::text[])[1 + s % cardinality($3::text[])],
                CASE d WHEN 'IN_COUNTY' THEN '450329100' WHEN 'IN_PROVINCE' THEN '450305' ELSE '441900' END, d,
                (ARRAY['CONTRACT','GIG','PUBLIC_WELFARE','WORKSHOP','SELF_FOUND','SELF_FOUND','TRANSFERRED_OUT'])[1 + (i * 13) % 7],
                start, CASE WHEN i % 10 = 0 THEN NULL ELSE start + ((i * 31) % 365)::int END, (2000 + (i * 17) % 5000)::int
           FROM (SELECT i, (1 + (i * 7919) % $4::bigint)::int AS s, ${destinations} AS d, DATE '2024-01-01' + ((i * 104729) % 1080)::int AS start
                   FROM generate_series($1::bigint, $2::bigint) i) g`,
        [from, to, villages, PEOPLE],
      ),
    );
    console.log(`generate: placements ${from}–${to} in ${(ms / 1000).toFixed(1)} s`);
  }
  const [, indexMs] = await timed(async () => {
    for (const index of indexes) await dataSource.query(index.def);
  });
  console.log(`rebuilt ${indexes.length} indexes in ${(indexMs / 1000).toFixed(1)} s`);
  const [, ms] = await timed(async () => {
    await dataSource.query('VACUUM ANALYZE placement');
    await dataSource.query('ANALYZE job_seeker_support_group');
  });
  console.log(`vacuum analyze: ${(ms / 1000).toFixed(1)} s`);
}

async function measure(label: string, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm the cache and the plan
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push((await timed(work))[1]);
  console.log(`${label.padEnd(52)} p50 ${fmt(percentile(samples, 50)).padStart(9)}  p95 ${fmt(percentile(samples, 95)).padStart(9)}`);
  return samples;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_stats');
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: scratch.url,
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    PII_ENCRYPTION_KEY: 'a'.repeat(64),
    PII_HASH_KEY: 'b'.repeat(64),
    ADMIN_PHONE: '13800000000',
    ADMIN_PASSWORD: 'Bench-Passw0rd',
  });
  const { app } = await createApp({
    config,
    database: { url: scratch.url, embedded: false, poolSize: 4, description: 'bench', stop: async () => undefined },
    logger: ['error'],
  });
  try {
    const dataSource = app.get(DataSource);
    const [, genMs] = await timed(() => generate(dataSource));
    console.log(`generated ${PLACEMENTS.toLocaleString()} placements for ${PEOPLE.toLocaleString()} people in ${(genMs / 1000).toFixed(0)} s\n`);
    const stats = app.get(StatisticsService);
    const county: Actor = { accountId: '00000000-0000-0000-0000-000000000000', role: Role.STAFF, regionCode: '450329', sessionId: 'bench' };
    const township: Actor = { ...county, regionCode: '450329103' };
    const year = { year: 2025 };
    console.log(`placementStats, ${RUNS} runs each (both periods read in one query):`);
    const all: number[] = [];
    all.push(...(await measure('county, 2025, total', () => stats.placementStats(county, { period: year }))));
    all.push(...(await measure('county, 2025, by destination', () => stats.placementStats(county, { period: year, groupBy: StatsGroupBy.DESTINATION }))));
    all.push(...(await measure('county, 2025, by support group', () => stats.placementStats(county, { period: year, groupBy: StatsGroupBy.SUPPORT_GROUP }))));
    all.push(
      ...(await measure('county, 2025, lifted-out only, by destination', () =>
        stats.placementStats(county, { period: year, groupBy: StatsGroupBy.DESTINATION, supportGroup: 'LIFTED_OUT' }),
      )),
    );
    all.push(
      ...(await measure('county, 2025 Q1, by month', () =>
        stats.placementStats(county, { period: { from: '2025-01-01', to: '2025-03-31' }, groupBy: StatsGroupBy.MONTH }),
      )),
    );
    all.push(...(await measure('township 瓜里乡, 2025, by source', () => stats.placementStats(township, { period: year, groupBy: StatsGroupBy.SOURCE }))));
    console.log(`${'all dashboard queries'.padEnd(52)} p50 ${fmt(percentile(all, 50)).padStart(9)}  p95 ${fmt(percentile(all, 95)).padStart(9)}`);

    console.log('\nbaseline: the county total without the covering index (sequential scan):');
    await dataSource.query('SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off');
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off');
    await measure('county, 2025, total, seq scan', () =>
      runner.query(
        `SELECT count(DISTINCT job_seeker_id) FROM placement WHERE home_region_code LIKE '450329%' AND start_date <= '2025-12-31' AND (end_date IS NULL OR end_date >= '2025-01-01')`,
      ),
    );
    await runner.release();

    console.log('\ncost per write:');
    const [, insertMs] = await timed(async () => {
      for (let i = 0; i < 1000; i++) {
        await dataSource.query(
          `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date) VALUES (md5('s' || $1)::uuid, '450329103201', '441900', 'OUT_OF_PROVINCE', 'SELF_FOUND', '2026-11-01')`,
          [1 + i],
        );
      }
    });
    console.log(`1000 single-row inserts into placement (7 indexes): ${fmt(insertMs / 1000)} per row`);
    const sizes = (await dataSource.query(
      `SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes WHERE relname = 'placement' ORDER BY pg_relation_size(indexrelid) DESC`,
    )) as { name: string; size: string }[];
    const [table] = (await dataSource.query(`SELECT pg_size_pretty(pg_relation_size('placement')) AS size`)) as { size: string }[];
    console.log(`table placement: ${table.size}; indexes: ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
