/**
 * npm run bench:search — searchJobs on the PostgreSQL engine over BENCH_JOBS generated jobs
 * (default 200 000) against an ILIKE baseline on the same rows in the same run.
 *
 * Both run on a scratch database of the local PostgreSQL (DATABASE_URL / TEST_DATABASE_URL
 * or 127.0.0.1:5432), dropped at the end. The baseline is what a naive implementation does:
 * `title ILIKE '%q%' OR description ILIKE '%q%'` with the same filter and page size; it cannot
 * answer pinyin at all, so the ratio is computed on the Chinese queries.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { type JobSearchDocument, JobSearchSort, PostgresJobSearchEngine } from '@jobcode/search';

import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { fmt, percentile, timed } from './bench-stats';

const N = Number(process.env.BENCH_JOBS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const TITLES = [
  '缝纫工',
  '餐厅服务员',
  '番茄采摘',
  '百香果采摘',
  '电子厂普工',
  '村道保洁员',
  '服装厂包装工',
  '家政服务员',
  '竹编手工',
  '茶叶采摘',
  '辣椒分拣',
  '建筑小工',
  '货车司机',
  '厨师',
  '保安',
  '收银员',
  '仓库管理员',
  '养殖工',
  '护林员',
  '砌砖工',
];
const EXTRAS = ['计件', '日结', '包吃住', '长期', '急招', '熟练工优先', '可带孩子', '就近务工', '夜班', '男女不限'];
const EMPLOYERS = [
  '资源县华锦服饰扶贫车间',
  '瓜里乡绿源果蔬合作社',
  '猴背村百香果基地',
  '桂林资源电子科技有限公司',
  '资源镇山水饭店',
  '车田竹艺合作社',
  '中峰镇茶业公司',
  '梅溪建筑队',
];
const TOWNSHIPS = ['450329100', '450329101', '450329102', '450329103', '450329200', '450329201', '450329202'];
const KINDS = ['FULL_TIME', 'PART_TIME', 'GIG', 'HOME_BASED', 'PUBLIC_WELFARE'];
const BENEFITS = ['BOARD', 'LODGING', 'TRANSPORT', 'SOCIAL_INSURANCE'];

function generate(i: number): JobSearchDocument {
  const r = (n: number) => (i * 2654435761 + n * 40503) % 1000003;
  const title = `${TITLES[r(1) % TITLES.length]}${r(2) % 3 === 0 ? `（${EXTRAS[r(3) % EXTRAS.length]}）` : ''}`;
  const wage = 1500 + (r(4) % 60) * 100;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title,
    occupation: TITLES[r(5) % TITLES.length],
    description: `${EXTRAS[r(6) % EXTRAS.length]}，${EXTRAS[r(7) % EXTRAS.length]}。工作地点在${EMPLOYERS[r(8) % EMPLOYERS.length]}附近，${TITLES[r(9) % TITLES.length]}经验者优先。`,
    employerName: EMPLOYERS[r(10) % EMPLOYERS.length],
    regionCode: `${TOWNSHIPS[r(11) % TOWNSHIPS.length]}2${String(r(12) % 20).padStart(2, '0')}`,
    kind: KINDS[r(13) % KINDS.length],
    wageMonthlyMin: wage,
    wageMonthlyMax: wage + 1000,
    benefits: BENEFITS.filter((_, b) => r(14 + b) % 3 === 0),
    sourceKind: ['GIG_STATION', 'WORKSHOP', 'JOB_FAIR', null][r(20) % 4],
    postedAt: new Date(Date.UTC(2026, 10, 20) - (r(21) % 90) * 86_400_000),
    lat: 25.9 + (r(22) % 300) / 1000,
    lng: 110.5 + (r(23) % 300) / 1000,
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
  { text: 'fengren', pinyin: true },
  { text: 'frg', pinyin: true },
  { text: 'caizhai', pinyin: true },
];

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('jobcode_bench_search');
  const dataSource = new DataSource(dataSourceOptions(scratch.url, 4));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const engine = new PostgresJobSearchEngine(dataSource);
    await dataSource.query(
      `CREATE TABLE ilike_jobs (id uuid PRIMARY KEY, title text, description text, region_code varchar(12), kind varchar(20), posted_at timestamptz)`,
    );

    const [, indexMs] = await timed(async () => {
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
    await dataSource.query('ANALYZE');
    console.log(`indexed ${N} jobs in ${(indexMs / 1000).toFixed(1)} s (${Math.round(N / (indexMs / 1000))} jobs/s, tokens made in Node)`);

    const engineTimes: number[] = [];
    const chineseEngineTimes: number[] = [];
    const ilikeTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        const [result, ms] = await timed(() => engine.search({ text: query.text, filter: query.filter, sort: JobSearchSort.RELEVANCE, limit: 20, offset: 0 }));
        if (round === 0) console.log(`  ${query.text.padEnd(10)} ${String(result.total).padStart(7)} hits  ${fmt(ms)}`);
        engineTimes.push(ms);
        if (query.pinyin) continue;
        chineseEngineTimes.push(ms);
        const params: unknown[] = [`%${query.text}%`];
        let where = '(title ILIKE $1 OR description ILIKE $1)';
        if (query.filter?.regionCode) where += ` AND region_code LIKE $${params.push(`${query.filter.regionCode}%`)}`;
        if (query.filter?.kinds) where += ` AND kind = ANY($${params.push(query.filter.kinds)})`;
        const [, baseline] = await timed(() =>
          dataSource.query(`SELECT id, count(*) OVER () AS total FROM ilike_jobs WHERE ${where} ORDER BY posted_at DESC LIMIT 20`, params),
        );
        ilikeTimes.push(baseline);
      }
    }
    const p = (list: number[], q: number) => percentile(list, q);
    console.log(
      `\nsearchJobs engine (PostgreSQL full-text, incl. facets), ${engineTimes.length} queries: p50 ${fmt(p(engineTimes, 50))}, p95 ${fmt(p(engineTimes, 95))}`,
    );
    console.log(`ILIKE baseline (Chinese queries only), ${ilikeTimes.length} queries:        p50 ${fmt(p(ilikeTimes, 50))}, p95 ${fmt(p(ilikeTimes, 95))}`);
    console.log(`engine on the same Chinese queries:                       p50 ${fmt(p(chineseEngineTimes, 50))}, p95 ${fmt(p(chineseEngineTimes, 95))}`);
    console.log(`ratio (ILIKE p95 / engine p95 on Chinese queries): ${(p(ilikeTimes, 95) / p(chineseEngineTimes, 95)).toFixed(1)}×`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
