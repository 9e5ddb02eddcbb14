/**
 * npm run bench:matching — recommendedSeekers over BENCH_SEEKERS generated job seekers
 * (default 500 000) for a mix of jobs, p50/p95, beside a baseline in the same run: the
 * previous implementation, one statement that scores every candidate (RECOMMENDED_SEEKERS_SQL,
 * GIN pre-filter on the arrays). Every query's result is checked against that reference: the
 * bucketed search must return the same seekers with the same scores in the same order.
 * Runs on a scratch database of the local PostgreSQL, dropped at the end.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { DEFAULT_MATCHING_WEIGHTS, jobTerms, rankSeekersForJob, RECOMMENDED_SEEKERS_SQL, townshipPattern, WEIGHT_ORDER } from '@jobcode/matching';

import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { benchResult, fmt, percentile, timed, machineLoad } from './bench-stats';
import { OCCUPATIONS as COMMON_OCCUPATIONS } from './support/occupations';

const N = Number(process.env.BENCH_SEEKERS ?? 500_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const OCCUPATIONS = [...COMMON_OCCUPATIONS, '来料加工', '采茶工', '快递分拣', '家政服务员', '建筑工'];
const TOWNSHIPS = ['450329100', '450329101', '450329102', '450329103', '450329200', '450329201', '450329202'];
const JOBS: { title: string; occupation: string; kind: string; region: string; wage: number }[] = [
  { title: '缝纫工', occupation: '缝纫工', kind: 'FULL_TIME', region: '450329100201', wage: 4500 },
  { title: '电子厂普工', occupation: '普工', kind: 'FULL_TIME', region: '450329101', wage: 4000 },
  { title: '农家乐服务员', occupation: '服务员', kind: 'PART_TIME', region: '450329202201', wage: 2800 },
  { title: '村道保洁员', occupation: '保洁员', kind: 'PUBLIC_WELFARE', region: '450329103201', wage: 1500 },
  { title: '竹编来料加工', occupation: '来料加工', kind: 'HOME_BASED', region: '450329200', wage: 2000 },
  { title: '货车司机', occupation: '司机', kind: 'FULL_TIME', region: '450325', wage: 6000 },
  { title: '茶园采茶工', occupation: '采茶工', kind: 'GIG', region: '450329101', wage: 3300 },
  { title: '护林员', occupation: '护林员', kind: 'PUBLIC_WELFARE', region: '450329202', wage: 1600 },
];

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_matching');
  const dataSource = new DataSource(dataSourceOptions(scratch.url, 4));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const [, loadMs] = await timed(async () => {
      // Seekers made in SQL: occupations and villages spread, about 70 % consenting, 30 % employed.
      await dataSource.query(
        `INSERT INTO job_seeker (name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity,
                                 skills, wanted_occupations, wanted_wage, wanted_wage_unit, willing_outside_county, willing_outside_province,
                                 must_stay_near_home, consent_to_recommend, employment_status, channel)
         SELECT '求职者' || i, md5('id' || i) || md5('i' || i), 'x', date '1980-01-01' + (i % 10000), CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
                md5('p' || i) || md5('q' || i), 'x',
                ($2::text[])[1 + (i / 13) % 7] || '2' || lpad(((i * 13) % 20)::text, 2, '0'),
                CASE WHEN i % 20 = 0 THEN 'NONE' WHEN i % 5 = 0 THEN 'WEAK' ELSE 'FULL' END,
                CASE WHEN i % 3 = 0 THEN ARRAY[]::text[] ELSE ARRAY[($1::text[])[1 + (i / 3 * 31) % $3]] END,
                ARRAY[($1::text[])[1 + (i / 7 * 17) % $3], ($1::text[])[1 + (i / 11 * 29) % $3]],
                2000 + (i % 40) * 100, 'MONTH', i % 10 < 3, i % 10 = 0, i % 7 = 0, i % 10 < 7,
                CASE WHEN i % 10 >= 7 THEN 'EMPLOYED' ELSE 'UNKNOWN' END, 'IMPORT'
           FROM generate_series(1, $4::int) AS i`,
        [OCCUPATIONS, TOWNSHIPS, OCCUPATIONS.length, N],
      );
      await dataSource.query(
        `INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code)
         SELECT id, CASE WHEN random() < 0.5 THEN 'LIFTED_OUT' ELSE 'RETURNEE' END FROM job_seeker TABLESAMPLE BERNOULLI (25)`,
      );
    });
    await dataSource.query('ANALYZE');
    console.log(`made ${N} seekers in ${(loadMs / 1000).toFixed(1)} s`);

    const [{ id: employerId }] = (await dataSource.query(
      `INSERT INTO employer (name, credit_code, contact_name, contact_phone_encrypted, region_code, address, status, registered_by)
       VALUES ('资源县华锦服饰扶贫车间', '91450329000000000X', '蒋', 'x', '450329100', '资源镇', 'VERIFIED', gen_random_uuid()) RETURNING id`,
    )) as { id: string }[];
    const jobIds: string[] = [];
    for (const job of JOBS) {
      const [{ id }] = (await dataSource.query(
        `INSERT INTO job (employer_id, title, occupation, description, kind, wage_min, wage_max, wage_unit, monthly_wage_min, monthly_wage_max, headcount,
                          region_code, address, latitude, longitude, working_hours, valid_from, valid_to, status, posted_by)
         VALUES (CASE WHEN $3 = 'PUBLIC_WELFARE' THEN NULL ELSE $1::uuid END, $2, $4, '', $3, $5, $5, 'MONTH', $5, $5, 5, $6, '资源县', 26, 110.6, '8:00-17:00',
                 current_date, current_date + 30, 'OPEN', gen_random_uuid()) RETURNING id`,
        [employerId, job.title, job.kind, job.occupation, job.wage, job.region],
      )) as { id: string }[];
      jobIds.push(id);
    }
    const weights = WEIGHT_ORDER.map((k) => DEFAULT_MATCHING_WEIGHTS[k]);
    const eligible = ['LIFTED_OUT', 'MONITORED'];
    const reference = (i: number) =>
      dataSource.query(RECOMMENDED_SEEKERS_SQL, [
        ...weights,
        eligible,
        jobIds[i],
        10,
        jobTerms(JOBS[i]),
        townshipPattern({ kind: JOBS[i].kind, regionCode: JOBS[i].region }),
      ]) as Promise<{ id: string; score: number }[]>;
    const bucketed = (i: number) =>
      rankSeekersForJob(dataSource.manager, {
        job: { id: jobIds[i], regionCode: JOBS[i].region, kind: JOBS[i].kind, monthlyWageMax: JOBS[i].wage },
        terms: jobTerms(JOBS[i]),
        townshipPattern: townshipPattern({ kind: JOBS[i].kind, regionCode: JOBS[i].region }),
        weights: DEFAULT_MATCHING_WEIGHTS,
        eligibleGroups: eligible,
        limit: 10,
      });
    const key = (rows: { id: string; score: number }[]) => rows.map((r) => `${r.id}:${Number(r.score)}`).join(',');

    const times: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < JOBS.length; i++) {
        const [rows, ms] = await timed(() => bucketed(i));
        times.push(ms);
        const [expected, referenceMs] = await timed(() => reference(i));
        baseline.push(referenceMs);
        if (key(rows) !== key(expected)) throw new Error(`${JOBS[i].title}: bucketed result differs from the reference query`);
        if (round === 0)
          console.log(`  ${JOBS[i].title.padEnd(8)} ${JOBS[i].kind.padEnd(15)} top score ${rows[0]?.score ?? '-'}  ${fmt(ms)}  (previous ${fmt(referenceMs)})`);
      }
    }
    console.log(`\nrecommendedSeekers over ${N} seekers, ${times.length} queries: p50 ${fmt(percentile(times, 50))}, p95 ${fmt(percentile(times, 95))}`);
    console.log(
      `previous single statement (scores every candidate), same queries, same results: p50 ${fmt(percentile(baseline, 50))}, p95 ${fmt(percentile(baseline, 95))}`,
    );
    console.log(`ratio (previous p95 / bucketed p95): ${(percentile(baseline, 95) / percentile(times, 95)).toFixed(1)}×`);
    console.log(`${machineLoad()} (shared machine: compare the ratio, not the absolute figures)`);
    benchResult({
      bench: 'matching',
      size: `${N} seekers`,
      figure: `recommendedSeekers p95 ${fmt(percentile(times, 95))}`,
      baseline: `single statement p95 ${fmt(percentile(baseline, 95))}`,
      ratio: `${(percentile(baseline, 95) / percentile(times, 95)).toFixed(1)}× faster`,
    });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
