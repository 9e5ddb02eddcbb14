/**
 * npm run bench:placement-stats — how fast are the dashboard figures on a county's 3 years of data?
 *
 * Boots the API in-process on a scratch database, generates with SQL (generate_series) 300k
 * seekers in the demo county's villages (30 % lifted out, 5 % monitored) and BENCH_PLACEMENTS
 * placements (default 5,000,000) spread over 2024–2026. The bulk load runs with the rollup
 * triggers off and then builds the rollup with placement_rollup_rebuild — the function the
 * migration's backfill uses — so the figures read what the triggers would have kept.
 * Then times StatisticsService.placementStats for the queries a dashboard sends, each BENCH_RUNS
 * times (p50/p95), from the rollup and from the placement rows (the baseline, BENCH_RAW_RUNS
 * times), and the cost per write: BENCH_WRITES placements recorded through PlacementsService.record
 * with and without the rollup trigger, in alternating blocks.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { type Actor, Role } from '@jobcode/common';
import { PlacementSource, PlacementsService } from '@jobcode/placements';
import { type PlacementStatsQuery, StatisticsService, StatsGroupBy } from '@jobcode/statistics';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { benchConfig } from './support/bench-config';
import { benchResult, fmt, percentile, timed } from './bench-stats';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300_000);
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 2);
const WRITES = Number(process.env.BENCH_WRITES ?? 1000);
const ROLLUP_TRIGGERS = [
  ['placement', 'placement_rollup'],
  // Per statement since issue 16 (one trigger per event, for the transition tables).
  ['job_seeker_support_group', 'placement_rollup_added'],
  ['job_seeker_support_group', 'placement_rollup_removed'],
  ['job_seeker_support_group', 'placement_rollup_changed'],
  ['job_seeker', 'placement_rollup'],
];

async function rollupTriggers(dataSource: DataSource, on: boolean): Promise<void> {
  for (const [table, trigger] of ROLLUP_TRIGGERS) await dataSource.query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}
const CHUNK = 1_000_000;

async function generate(dataSource: DataSource): Promise<void> {
  const villages = (
    (await dataSource.query(`SELECT code FROM region WHERE code LIKE '450329%' AND length(code) = 12 ORDER BY code`)) as { code: string }[]
  ).map((r) => r.code);
  console.log(`generate: ${PEOPLE} seekers in ${villages.length} villages`);
  await rollupTriggers(dataSource, false);
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
  const [{ horizon }] = (await dataSource.query('SELECT horizon_year::int AS horizon FROM placement_rollup_state')) as { horizon: number }[];
  const [, rollupMs] = await timed(async () => {
    await dataSource.query('SELECT placement_rollup_rebuild($1)', [horizon]);
  });
  await rollupTriggers(dataSource, true);
  await dataSource.query('VACUUM ANALYZE placement_rollup, placement_rollup_person, placement_rollup_mover, placement_rollup_groups');
  console.log(`rollup built by placement_rollup_rebuild(${horizon}) in ${(rollupMs / 1000).toFixed(1)} s`);
}

async function measure(label: string, work: () => Promise<unknown>, runs = RUNS, warm = true): Promise<number[]> {
  if (warm) await work(); // warm the cache and the plan
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(work))[1]);
  console.log(`${label.padEnd(52)} p50 ${fmt(percentile(samples, 50)).padStart(9)}  p95 ${fmt(percentile(samples, 95)).padStart(9)}`);
  return samples;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_stats');
  // Bulk generation and the baseline's scans of millions of rows outlast the API's 10 s statement bound.
  const config = benchConfig(scratch.url, { DATABASE_STATEMENT_TIMEOUT_MS: '0' });
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
    const [{ village }] = (await dataSource.query(
      `SELECT code AS village FROM region WHERE code LIKE '450329103%' AND length(code) = 12 ORDER BY code LIMIT 1`,
    )) as {
      village: string;
    }[];
    const villageStaff: Actor = { ...county, regionCode: village };
    const year = { year: 2026 };
    // The fourth field marks the queries also timed from the placement rows (the slowest, by month, only below 1M rows).
    const small = PLACEMENTS <= 1_000_000;
    const queries: [string, Actor, PlacementStatsQuery, boolean][] = [
      ['county, 2026, total', county, { period: year }, true],
      ['county, 2026, by destination', county, { period: year, groupBy: StatsGroupBy.DESTINATION }, true],
      ['county, 2026, by township', county, { period: year, groupBy: StatsGroupBy.TOWNSHIP }, small],
      ['county, 2026, by month', county, { period: year, groupBy: StatsGroupBy.MONTH }, small],
      ['county, 2026, by support group', county, { period: year, groupBy: StatsGroupBy.SUPPORT_GROUP }, small],
      ['county, 2026, lifted-out only, by destination', county, { period: year, groupBy: StatsGroupBy.DESTINATION, supportGroup: 'LIFTED_OUT' }, small],
      ['county, 2026 Q1, by month', county, { period: { from: '2026-01-01', to: '2026-03-31' }, groupBy: StatsGroupBy.MONTH }, small],
      ['township staff 瓜里乡, 2026, by source', township, { period: year, groupBy: StatsGroupBy.SOURCE }, true],
      ['village staff, 2026, by destination', villageStaff, { period: year, groupBy: StatsGroupBy.DESTINATION }, true],
    ];
    console.log(`placementStats from the rollup, ${RUNS} runs each (both periods, YoY included):`);
    const all: number[] = [];
    for (const [label, actor, query] of queries) all.push(...(await measure(label, () => stats.placementStats(actor, query))));
    console.log(`${'all dashboard queries (rollup)'.padEnd(52)} p50 ${fmt(percentile(all, 50)).padStart(9)}  p95 ${fmt(percentile(all, 95)).padStart(9)}`);

    console.log(`\nbaseline: the same from the placement rows (covering index, no rollup), ${RAW_RUNS} runs each:`);
    const raw: number[] = [];
    for (const [label, actor, query, timeRows] of queries) {
      if (!timeRows) continue;
      raw.push(...(await measure(`${label} (rows)`, () => stats.placementStats(actor, query, { rollup: false }), RAW_RUNS, false)));
    }
    console.log(`${'all dashboard queries (rows)'.padEnd(52)} p50 ${fmt(percentile(raw, 50)).padStart(9)}  p95 ${fmt(percentile(raw, 95)).padStart(9)}`);

    console.log('\ncost per write (PlacementsService.record: transaction, checks, insert, employment status):');
    const placements = app.get(PlacementsService);
    const [{ first }] = (await dataSource.query(`SELECT count(*)::int AS first FROM job_seeker`)) as { first: number }[];
    const writers = (await dataSource.query(`SELECT id FROM job_seeker ORDER BY id LIMIT $1`, [Math.min(first, 2 * WRITES)])) as { id: string }[];
    const withRollup: number[] = [];
    const without: number[] = [];
    const BLOCK = 100;
    for (let done = 0; done < WRITES; done += BLOCK) {
      for (const [on, samples, offset] of [
        [false, without, 0],
        [true, withRollup, 1],
      ] as const) {
        await rollupTriggers(dataSource, on);
        for (let i = done; i < Math.min(WRITES, done + BLOCK); i++) {
          // Separate people for each side: a person's rows are either all in the rollup or none are.
          const seeker = writers[(2 * i + offset) % writers.length].id;
          const [, ms] = await timed(() =>
            placements.record(county, {
              jobSeekerId: seeker,
              source: PlacementSource.SELF_FOUND,
              workplaceRegionCode: '441900',
              startDate: `2026-${String(1 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}`,
              endDate: i % 3 === 0 ? null : '2026-11-30',
            }),
          );
          samples.push(ms);
        }
      }
    }
    await rollupTriggers(dataSource, true);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `${WRITES} records without the rollup trigger: mean ${fmt(mean(without))}  p50 ${fmt(percentile(without, 50))}  p95 ${fmt(percentile(without, 95))}`,
    );
    console.log(
      `${WRITES} records with the rollup trigger:    mean ${fmt(mean(withRollup))}  p50 ${fmt(percentile(withRollup, 50))}  p95 ${fmt(percentile(withRollup, 95))}`,
    );
    console.log(`rollup cost per write: +${fmt(mean(withRollup) - mean(without))} on average (×${(mean(withRollup) / mean(without)).toFixed(2)})`);
    benchResult({
      bench: 'placement-stats',
      size: `${PLACEMENTS} placements`,
      figure: `placementStats (rollup) p95 ${fmt(percentile(all, 95))}`,
      baseline: `from the placement rows p95 ${fmt(percentile(raw, 95))}`,
      ratio: `${(percentile(raw, 95) / percentile(all, 95)).toFixed(1)}× faster`,
    });

    const sizes = (await dataSource.query(
      `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size, c.reltuples::bigint AS rows
         FROM pg_class c WHERE c.relname IN ('placement', 'placement_rollup', 'placement_rollup_person', 'placement_rollup_mover', 'placement_rollup_groups') ORDER BY 1`,
    )) as { name: string; size: string; rows: string }[];
    console.log(`\nsizes (with indexes): ${sizes.map((s) => `${s.name} ${s.size} (~${Number(s.rows).toLocaleString()} rows)`).join(', ')}`);
    console.log(
      `load average at the end: ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
