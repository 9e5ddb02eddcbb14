/**
 * npm run bench:search — searchJobs on the PostgreSQL engine over BENCH_JOBS generated jobs
 * (default 200 000) against an ILIKE baseline on the same rows in the same run.
 *
 * Both run on a scratch database of the local PostgreSQL (DATABASE_URL / TEST_DATABASE_URL
 * or 127.0.0.1:5432), dropped at the end. The baseline is what a naive implementation does:
 * `title ILIKE '%q%' OR description ILIKE '%q%'` with the same filter and page size; it cannot
 * answer pinyin at all, so the ratio is computed on the Chinese queries. The baseline counts
 * every match exactly and computes no facets; the engine reads at most SEARCH_WINDOW matches and
 * estimates total and facets beyond it (约 before the count below).
 */
import 'reflect-metadata';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { type JobSearchDocument, JobSearchSort, PostgresJobSearchEngine, SEARCH_WINDOW } from '@jobcode/search';

import { adminDatabaseUrl, createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { benchResult, fmt, percentile, timed, machineLoad } from './bench-stats';
import { OCCUPATIONS } from './support/occupations';

const N = Number(process.env.BENCH_JOBS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** BENCH_KEEP=1: keep the indexed database (named by N) and reuse it on the next run, to iterate on queries. */
const KEEP = process.env.BENCH_KEEP === '1';

// A corpus with realistic spread: ~600 titles from workplaces × roles, varied descriptions,
// so that a query matches a realistic fraction of the jobs rather than a twentieth of them.
const WORKPLACES = [
  '服装厂',
  '电子厂',
  '鞋厂',
  '餐厅',
  '酒店',
  '农家乐',
  '茶园',
  '果园',
  '养殖场',
  '建筑工地',
  '物流公司',
  '超市',
  '竹木加工厂',
  '家政公司',
  '水电站',
  '景区',
  '扶贫车间',
  '食品厂',
  '砖厂',
  '汽修厂',
  '药材基地',
  '蔬菜基地',
  '快递站',
  '幼儿园',
  '卫生院',
  '村委会',
  '加油站',
  '民宿',
];
const ROLES = OCCUPATIONS;
const EXTRAS = ['计件', '日结', '包吃住', '长期', '急招', '熟练工优先', '可带孩子', '就近务工', '夜班', '男女不限', '周末双休', '月结', '有补贴'];
const PHRASES = [
  '工作环境干净整洁',
  '上下班有班车接送',
  '新手有师傅带',
  '多劳多得',
  '按件计酬',
  '每天工作八小时',
  '旺季可加班',
  '缴纳工伤保险',
  '离家近方便照顾老人',
  '适合返乡人员',
  '提供岗前培训',
  '工资按月发放',
  '中午管一顿饭',
  '手脚麻利即可',
  '需要会骑电动车',
  '有相关经验优先',
  '能适应倒班',
  '工作轻松',
  '年龄五十五岁以下身体健康',
  '可领原料回家加工',
  '农忙时节可请假',
];
const EMPLOYERS = [
  '资源县华锦服饰扶贫车间',
  '瓜里乡绿源果蔬合作社',
  '猴背村百香果基地',
  '桂林资源电子科技有限公司',
  '资源镇山水饭店',
  '车田竹艺合作社',
  '中峰镇茶业公司',
  '梅溪建筑队',
  '两水苗族乡药材合作社',
  '河口瑶族乡漂流景区',
  '资源县顺达物流',
  '资源县好又多超市',
  '金江村养殖专业合作社',
  '资源县八角寨旅游公司',
  '资源县民族鞋业车间',
  '资源县家政服务中心',
];
const TOWNSHIPS = ['450329100', '450329101', '450329102', '450329103', '450329200', '450329201', '450329202'];
const KINDS = ['FULL_TIME', 'PART_TIME', 'GIG', 'HOME_BASED', 'PUBLIC_WELFARE'];
const BENEFITS = ['BOARD', 'LODGING', 'TRANSPORT', 'SOCIAL_INSURANCE'];

function generate(i: number): JobSearchDocument {
  const r = (n: number) => ((i + 1) * 2654435761 + n * 40503 + ((i * n) % 9973)) % 1000003;
  const role = ROLES[r(1) % ROLES.length];
  const place = WORKPLACES[r(2) % WORKPLACES.length];
  const title = `${r(3) % 4 === 0 ? '' : place}${role}${r(4) % 3 === 0 ? `（${EXTRAS[r(5) % EXTRAS.length]}）` : ''}`;
  const wage = 1500 + (r(6) % 60) * 100;
  const employer = EMPLOYERS[r(7) % EMPLOYERS.length];
  const phrases = [0, 1, 2, 3].map((k) => PHRASES[r(8 + k) % PHRASES.length]);
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title,
    occupation: role,
    description: `${employer}招${role}${1 + (r(12) % 20)}名，${phrases.join('，')}。${EXTRAS[r(13) % EXTRAS.length]}，${place}内工作。`,
    employerName: employer,
    regionCode: `${TOWNSHIPS[r(14) % TOWNSHIPS.length]}2${String(r(15) % 20).padStart(2, '0')}`,
    kind: KINDS[r(16) % KINDS.length],
    wageMonthlyMin: wage,
    wageMonthlyMax: wage + 1000,
    benefits: BENEFITS.filter((_, b) => r(17 + b) % 3 === 0),
    sourceKind: ['GIG_STATION', 'WORKSHOP', 'JOB_FAIR', null][r(22) % 4],
    postedAt: new Date(Date.UTC(2026, 10, 20) - (r(23) % 90) * 86_400_000 - (r(24) % 86_400) * 1000),
    lat: 25.9 + (r(25) % 300) / 1000,
    lng: 110.5 + (r(26) % 300) / 1000,
  };
}

const QUERIES: { text: string; pinyin?: boolean; filter?: { regionCode?: string; kinds?: string[] } }[] = [
  { text: '缝纫' },
  { text: '服务员' },
  { text: '日结' },
  { text: '采摘', filter: { regionCode: '450329103' } },
  { text: '包吃住', filter: { kinds: ['FULL_TIME'] } },
  { text: '保洁' },
  { text: '司机' },
  { text: '电子厂普工' },
  { text: '护林员', filter: { regionCode: '450329202' } },
  { text: '可领原料回家' },
  { text: 'siji', pinyin: true },
  { text: 'bjy', pinyin: true },
  { text: 'fengren', pinyin: true },
  { text: 'frg', pinyin: true },
  { text: 'caizhai', pinyin: true },
];

async function main(): Promise<void> {
  const scratch = KEEP ? await keptDatabase(`jobcode_bench_search_${N}`) : await createScratchDatabase('jobcode_bench_search');
  const dataSource = new DataSource(dataSourceOptions(scratch.url, 4));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const engine = new PostgresJobSearchEngine(dataSource, { windowSize: SEARCH_WINDOW });
    await dataSource.query(
      `CREATE TABLE IF NOT EXISTS ilike_jobs (id uuid PRIMARY KEY, title text, description text, region_code varchar(12), kind varchar(20), posted_at timestamptz)`,
    );
    const [{ n: indexed }] = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ilike_jobs');
    // A kept index is reused only if indexing a job today gives the tokens it holds (the tokenizer may have changed).
    const present = indexed === N && (await sameTokens(engine, dataSource, generate(N - 1))) ? N : 0;
    if (present !== N) await dataSource.query('TRUNCATE ilike_jobs, job_search_document');

    const [, indexMs] = await timed(async () => {
      if (present === N) return;
      for (let start = 0; start < N; start += 2000) {
        const batch = Array.from({ length: Math.min(2000, N - start) }, (_, k) => generate(start + k));
        await engine.upsert(batch);
        await dataSource.query(
          `INSERT INTO ilike_jobs SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, description text, region_code varchar, kind varchar, posted_at timestamptz)`,
          [
            JSON.stringify(
              batch.map((d) => ({ id: d.id, title: d.title, description: d.description, region_code: d.regionCode, kind: d.kind, posted_at: d.postedAt })),
            ),
          ],
        );
      }
    });
    // As autovacuum leaves a table at rest: visibility map set, GIN pending list merged, statistics read.
    await dataSource.query('VACUUM ANALYZE job_search_document, ilike_jobs');
    if (present === N) console.log(`reusing the ${N} jobs indexed in ${scratch.name} (BENCH_KEEP=1)`);
    else console.log(`indexed ${N} jobs in ${(indexMs / 1000).toFixed(1)} s (${Math.round(N / (indexMs / 1000))} jobs/s, tokens made in Node)`);

    // The first search of a process reads the posting-day histogram (then kept fresh in the background).
    const [, firstMs] = await timed(() => engine.search({ text: QUERIES[0].text, sort: JobSearchSort.RELEVANCE, limit: 20, offset: 0 }));
    console.log(`first search after start (reads the posting-day histogram): ${fmt(firstMs)}`);
    const engineTimes: number[] = [];
    const chineseEngineTimes: number[] = [];
    const ilikeTimes: number[] = [];
    // Engine and baseline take turns query by query, so both see the same machine load.
    const baseline = async (query: (typeof QUERIES)[number]) => {
      const params: unknown[] = [`%${query.text}%`];
      let where = '(title ILIKE $1 OR description ILIKE $1)';
      if (query.filter?.regionCode) where += ` AND region_code LIKE $${params.push(`${query.filter.regionCode}%`)}`;
      if (query.filter?.kinds) where += ` AND kind = ANY($${params.push(query.filter.kinds)})`;
      const [, ms] = await timed(() =>
        dataSource.query(`SELECT id, count(*) OVER () AS total FROM ilike_jobs WHERE ${where} ORDER BY posted_at DESC LIMIT 20`, params),
      );
      return ms;
    };
    // Round 0 warms both sides up (pages not yet in PostgreSQL's buffers) and is printed per
    // query but left out of the percentiles; rounds 1..BENCH_ROUNDS are timed.
    console.log('first run of each query (round 0, cold pages; not in the percentiles):');
    for (let round = 0; round <= ROUNDS; round++) {
      for (const query of QUERIES) {
        const [result, ms] = await timed(() => engine.search({ text: query.text, filter: query.filter, sort: JobSearchSort.RELEVANCE, limit: 20, offset: 0 }));
        if (round === 0) console.log(`  ${query.text.padEnd(10)} ${result.approximate ? '约' : '  '}${String(result.total).padStart(7)} hits  ${fmt(ms)}`);
        if (query.pinyin) {
          if (round > 0) engineTimes.push(ms);
          continue;
        }
        const baselineMs = await baseline(query);
        if (round === 0) continue;
        engineTimes.push(ms);
        chineseEngineTimes.push(ms);
        ilikeTimes.push(baselineMs);
      }
    }
    const p = (list: number[], q: number) => percentile(list, q);
    console.log(
      `\nsearchJobs engine (PostgreSQL full-text, incl. facets), ${engineTimes.length} queries: p50 ${fmt(p(engineTimes, 50))}, p95 ${fmt(p(engineTimes, 95))}`,
    );
    console.log(`ILIKE baseline (Chinese queries only), ${ilikeTimes.length} queries:        p50 ${fmt(p(ilikeTimes, 50))}, p95 ${fmt(p(ilikeTimes, 95))}`);
    console.log(`engine on the same Chinese queries:                       p50 ${fmt(p(chineseEngineTimes, 50))}, p95 ${fmt(p(chineseEngineTimes, 95))}`);
    console.log(`ratio (ILIKE p95 / engine p95 on Chinese queries): ${(p(ilikeTimes, 95) / p(chineseEngineTimes, 95)).toFixed(1)}×`);
    console.log(`${machineLoad()} (shared machine: compare the ratio, not the absolute figures)`);
    benchResult({
      bench: 'search',
      size: `${N} jobs`,
      figure: `searchJobs p95 ${fmt(p(chineseEngineTimes, 95))} (Chinese queries)`,
      baseline: `ILIKE p95 ${fmt(p(ilikeTimes, 95))}`,
      ratio: `${(p(ilikeTimes, 95) / p(chineseEngineTimes, 95)).toFixed(1)}× faster`,
    });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!KEEP) await scratch.drop();
  }
}

/** Whether re-indexing `doc` leaves its stored tokens as they were. */
async function sameTokens(engine: PostgresJobSearchEngine, dataSource: DataSource, doc: JobSearchDocument): Promise<boolean> {
  const read = () => dataSource.query<{ tokens: string }[]>('SELECT tokens::text AS tokens FROM job_search_document WHERE id = $1', [doc.id]);
  const [before] = await read();
  await engine.upsert([doc]);
  const [after] = await read();
  return before?.tokens === after?.tokens;
}

/** A database kept between runs (BENCH_KEEP=1), created on first use. */
async function keptDatabase(name: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const url = new URL(adminDatabaseUrl());
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: async () => undefined };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
