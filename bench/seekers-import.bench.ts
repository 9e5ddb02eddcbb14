/**
 * npm run bench:seekers-import [-- rows]
 *
 * Imports a generated ledger of 100k job seekers (.xlsx) into a scratch database on the local
 * PostgreSQL and prints rows/s and peak RSS, beside two baselines measured in the same run:
 * reading the file alone (exceljs streaming reader), and reading + validating + encrypting
 * every row without the database. Each phase runs in its own child process so that each
 * peak RSS (process.resourceUsage().maxRSS) is its own; the import runs with the V8 old-space
 * limit `npm start` sets (BENCH_OLD_SPACE_MB, default 192; empty for V8's default).
 * While the first import runs, the rows committed so far are counted every 5 s from another
 * connection, to show whether the rate stays flat as the table grows.
 *
 * Profiling:
 *   BENCH_CPU_PROF=1  the import's process runs with `--cpu-prof`; its self time by package and
 *                     by function is printed (the profile stays in bench/out/cpu-profile-*).
 *   BENCH_EXPLAIN=1   after the first import, one more batch of IMPORT_BATCH new people (sealed
 *                     with other keys, so all new) goes through the import's INSERT under
 *                     EXPLAIN (ANALYZE, BUFFERS), rolled back: the time of the statement and of
 *                     each trigger (match keys, placement rollup) on a table of ROWS people.
 */
import 'reflect-metadata';

import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { loadConfig, RegionLevel, type Actor, Role, Secrets } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { type Region, REGION_SEED } from '@jobcode/regions';
import {
  demoPerson,
  draftFromLedgerRow,
  EXPORT_COLUMNS,
  IMPORT_BATCH,
  JobSeekerRepository,
  LEDGER_COLUMNS,
  LedgerDictionary,
  ledgerRow,
  REQUIRED_COLUMNS,
  SEEKER_BATCH_INSERT_SQL,
  type SealedJobSeeker,
  SeekerImportService,
  type SupportGroup,
  BUILTIN_SUPPORT_GROUPS,
  validateDraft,
} from '@jobcode/seekers';
import { readSheetRows, writeSheet } from '@jobcode/spreadsheets';

import { createApp } from '../apps/api/src/bootstrap/create-app';
import { benchResult, machineLoad } from './bench-stats';
import { summariseCpuProfile } from './support/cpu-profile';
import { DemoRandom } from '../apps/api/src/commands/demo-random';
import { createScratchDatabase } from '../apps/api/src/commands/scratch-database';

const ROWS = Number((process.argv[2] === '--phase' ? process.argv[4] : process.argv[2]) ?? process.env.BENCH_ROWS ?? 100_000);
const OUT = join(process.cwd(), 'bench', 'out');
const FILE = join(OUT, `seekers-${ROWS}.xlsx`);
const OLD_SPACE_MB = process.env.BENCH_OLD_SPACE_MB ?? '192';
const CPU_PROFILE_DIR = join(OUT, `cpu-profile-${process.pid}`);

interface PhaseResult {
  phase: string;
  rows: number;
  millis: number;
  maxRssMb: number;
  note?: string;
}

const regions: Region[] = REGION_SEED.map((r) => ({ ...r, parentCode: r.parentCode ?? null, demo: r.demo ?? false, level: levelOf(r.code) }));
const regionMap = new Map(regions.map((r) => [r.code, r]));
const groups = new Map<string, SupportGroup>(
  Object.entries(BUILTIN_SUPPORT_GROUPS).map(([code, name]) => [code, { code, name, regionCode: null, builtin: true, createdAt: new Date() }]),
);

function levelOf(code: string): RegionLevel {
  return (
    { 2: RegionLevel.PROVINCE, 4: RegionLevel.CITY, 6: RegionLevel.COUNTY, 9: RegionLevel.TOWNSHIP, 12: RegionLevel.VILLAGE } as Record<number, RegionLevel>
  )[code.length];
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function generate(): Promise<PhaseResult> {
  const started = Date.now();
  const random = new DemoRandom(100_000);
  const villages = regions.filter((r) => r.level === RegionLevel.VILLAGE && r.code.startsWith('450329')).map((r) => r.code);
  function* rows(): Generator<string[]> {
    for (let i = 0; i < ROWS; i++) {
      const p = demoPerson(random, villages, new Date(Date.UTC(2026, 10, 1)));
      yield ledgerRow({
        name: p.name,
        idNumber: p.idNumber,
        phone: p.phone,
        township: regionMap.get(p.regionCode.slice(0, 9))?.name ?? '',
        village: regionMap.get(p.regionCode)?.name ?? '',
        groups: (p.supportGroupCodes ?? []).map((c) => groups.get(c)?.name ?? c),
        laborCapacity: p.laborCapacity,
        education: p.education ?? null,
        skills: p.skills ?? [],
        wantedOccupations: p.wantedOccupations ?? [],
        wantedWage: p.wantedWage ?? null,
        wantedWageUnit: p.wantedWageUnit ?? null,
        willingOutsideCounty: !!p.willingOutsideCounty,
        willingOutsideProvince: !!p.willingOutsideProvince,
        mustStayNearHome: !!p.mustStayNearHome,
        availableFrom: p.availableFrom ?? null,
        trainingWanted: p.trainingWanted ?? [],
        consentToRecommend: !!p.consentToRecommend,
        employmentStatus: p.employmentStatus!,
      });
    }
  }
  mkdirSync(OUT, { recursive: true });
  await writeSheet(createWriteStream(FILE), '求职登记', EXPORT_COLUMNS, rows());
  return {
    phase: 'generate .xlsx (exceljs streaming writer)',
    rows: ROWS,
    millis: Date.now() - started,
    maxRssMb: rssMb(),
    note: `${(statSync(FILE).size / 1024 / 1024).toFixed(1)} MB`,
  };
}

async function readOnly(): Promise<PhaseResult> {
  const started = Date.now();
  let rows = 0;
  for await (const row of readSheetRows(createReadStream(FILE), { columns: LEDGER_COLUMNS, required: REQUIRED_COLUMNS })) if (row.text['姓名']) rows++;
  return { phase: 'baseline: read the file only', rows, millis: Date.now() - started, maxRssMb: rssMb() };
}

/** Every row of the file read, validated and sealed as the import does it, with fresh random keys; `undefined` for an invalid row. */
async function* sealedRows(): AsyncGenerator<SealedJobSeeker | undefined> {
  const repository = new JobSeekerRepository(
    new PersonalDataCipher({ encryptionKey: randomBytes(32).toString('hex'), hashKey: randomBytes(32).toString('hex') }),
  );
  const dictionary = new LedgerDictionary(regionMap, groups);
  const context = { groups, region: (code: string) => regionMap.get(code) };
  for await (const { text, raw } of readSheetRows(createReadStream(FILE), { columns: LEDGER_COLUMNS, required: REQUIRED_COLUMNS })) {
    const parsed = draftFromLedgerRow(text, raw, dictionary);
    const { value } = parsed.problems.length ? { value: undefined } : validateDraft(parsed.draft!, context);
    yield value ? repository.seal(value, { accountId: null, registeredBy: null, channel: 'IMPORT' as never }) : undefined;
  }
}

async function validateOnly(): Promise<PhaseResult> {
  const started = Date.now();
  let valid = 0;
  let rows = 0;
  for await (const sealed of sealedRows()) {
    rows++;
    if (sealed) valid++;
  }
  return { phase: 'baseline: read + validate + encrypt, no database', rows, millis: Date.now() - started, maxRssMb: rssMb(), note: `${valid} valid` };
}

/** One batch of new people through the import's INSERT under EXPLAIN (ANALYZE, BUFFERS), rolled back. */
async function explainBatch(dataSource: DataSource): Promise<{ rows: number; plan: string }> {
  const batch: SealedJobSeeker[] = [];
  for await (const sealed of sealedRows()) {
    if (sealed) batch.push(sealed);
    if (batch.length >= IMPORT_BATCH) break;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    const plan = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${SEEKER_BATCH_INSERT_SQL}`, [JSON.stringify(batch)])) as { 'QUERY PLAN': string }[];
    return { rows: batch.length, plan: plan.map((line) => line['QUERY PLAN']).join('\n') };
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Rows committed so far, counted every 5 s from another connection while `work` runs. */
async function countingRows<T>(url: string, work: () => Promise<T>): Promise<[T, string]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const points: [number, number][] = [];
  const timer = setInterval(() => {
    void client
      .query('SELECT count(*)::int AS n FROM job_seeker')
      .then(({ rows }) => points.push([Date.now() - started, (rows[0] as { n: number }).n]))
      .catch(() => undefined);
  }, 5000);
  try {
    const result = await work();
    let previous: [number, number] = [0, 0];
    const rates = points.map(([at, n]) => {
      const rate = Math.round(((n - previous[1]) / (at - previous[0])) * 1000);
      previous = [at, n];
      return `${Math.round(at / 1000)} s: ${n} (${rate}/s)`;
    });
    return [result, rates.join(', ')];
  } finally {
    clearInterval(timer);
    await client.end();
  }
}

async function importTwice(): Promise<PhaseResult[]> {
  const scratch = await createScratchDatabase('jobcode_bench');
  const results: PhaseResult[] = [];
  let app: Awaited<ReturnType<typeof createApp>>['app'] | undefined;
  try {
    const secrets = new Secrets(randomBytes(32).toString('hex'), randomBytes(32).toString('hex'), randomBytes(32).toString('hex'));
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: scratch.url,
      DATA_DIR: join(OUT, 'data'),
      JWT_SECRET: secrets.jwtSecret,
      PII_ENCRYPTION_KEY: secrets.piiEncryptionKey,
      PII_HASH_KEY: secrets.piiHashKey,
    });
    ({ app } = await createApp({
      config,
      secrets,
      database: { url: scratch.url, embedded: false, poolSize: 4, description: 'bench', stop: async () => undefined },
      logger: ['error', 'warn'],
    }));
    const actor: Actor = { accountId: randomUUID(), role: Role.ADMIN, regionCode: null, sessionId: 'bench' };
    const importer = app.get(SeekerImportService);
    for (const phase of ['import into PostgreSQL (new database)', 'import the same file again (all existing)']) {
      const started = Date.now();
      const [report, progress] = await countingRows(scratch.url, () => importer.import(actor, createReadStream(FILE)));
      results.push({
        phase,
        rows: report.totalRows,
        millis: Date.now() - started,
        maxRssMb: rssMb(),
        note: `${report.created} created, ${report.existing} existing, ${report.refused} refused`,
      });
      if (results.length === 1) {
        console.log(`rows in job_seeker during the first import: ${progress || '(done within 5 s)'}`);
        if (process.env.BENCH_EXPLAIN) {
          const { rows, plan } = await explainBatch(app.get(DataSource));
          console.log(`\nOne more batch of ${rows} new people, explained (rolled back):\n${plan}\n`);
        }
      }
    }
  } finally {
    await app?.close();
    await scratch.drop();
  }
  return results;
}

async function child(phase: string): Promise<void> {
  const results =
    phase === 'generate' ? [await generate()] : phase === 'read' ? [await readOnly()] : phase === 'validate' ? [await validateOnly()] : await importTwice();
  process.send?.(results);
}

function runChild(phase: string): Promise<PhaseResult[]> {
  const execArgv = ['--enable-source-maps'];
  if (phase === 'import' && OLD_SPACE_MB) execArgv.push(`--max-old-space-size=${OLD_SPACE_MB}`);
  if (phase === 'import' && process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`);
  return new Promise((resolve, reject) => {
    const worker = fork(__filename, ['--phase', phase, String(ROWS)], { stdio: 'inherit', execArgv });
    let results: PhaseResult[] = [];
    worker.on('message', (message) => (results = message as PhaseResult[]));
    worker.on('exit', (code) => (code === 0 ? resolve(results) : reject(new Error(`${phase} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const results: PhaseResult[] = [];
  if (!existsSync(FILE)) results.push(...(await runChild('generate')));
  for (const phase of ['read', 'validate', 'import']) results.push(...(await runChild(phase)));
  if (process.env.BENCH_CPU_PROF) console.log(`\n${summariseCpuProfile(CPU_PROFILE_DIR)}`);
  console.log(
    `\nseekers import bench: ${ROWS} rows, ${FILE}; import with ${OLD_SPACE_MB ? `--max-old-space-size=${OLD_SPACE_MB}` : "V8's default heap"}; ${machineLoad()}\n`,
  );
  console.log(['phase'.padEnd(48), 'rows'.padStart(8), 'seconds'.padStart(8), 'rows/s'.padStart(8), 'peak RSS MB'.padStart(12), '  note'].join(''));
  for (const r of results) {
    console.log(
      [
        r.phase.padEnd(48),
        String(r.rows).padStart(8),
        (r.millis / 1000).toFixed(1).padStart(8),
        String(Math.round((r.rows / r.millis) * 1000)).padStart(8),
        String(r.maxRssMb).padStart(12),
        `  ${r.note ?? ''}`,
      ].join(''),
    );
  }
  const imported = results.find((r) => r.phase.startsWith('import into'));
  const validated = results.find((r) => r.phase.startsWith('baseline: read + validate'));
  if (imported && validated) {
    const perSecond = (r: PhaseResult) => Math.round((r.rows / r.millis) * 1000);
    benchResult({
      bench: 'seekers-import',
      size: `${ROWS} rows`,
      figure: `import ${(imported.millis / 1000).toFixed(1)} s, ${perSecond(imported)} rows/s, peak RSS ${imported.maxRssMb} MB`,
      baseline: `read + validate + encrypt ${(validated.millis / 1000).toFixed(1)} s, peak RSS ${validated.maxRssMb} MB`,
      ratio: `${(imported.millis / validated.millis).toFixed(1)}× the time`,
    });
  }
}

if (process.argv[2] === '--phase') {
  void child(process.argv[3]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
