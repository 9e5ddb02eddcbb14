import { DataSource } from 'typeorm';

import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { type JobSearchDocument, JobSearchSort } from '../engine/job-search.model';
import { SearchRecencyGrid1795370000000 } from '../../../../apps/api/src/database/migrations/1795370000000-search-recency-grid';
import { PostgresJobSearchEngine } from '../postgres/postgres-job-search.engine';
import { gridLexemes, postingDay, sinceLexeme } from '../postgres/recency-grid';
import { CORPUS } from './job-search.contract';

const NOW = new Date('2026-11-20T08:00:00Z');
const uuid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const KINDS = ['FULL_TIME', 'GIG', 'PART_TIME'];

/**
 * Twelve 缝纫工 jobs three days apart (five weeks), the oldest paying most, and one job from ten
 * months ago. Every other one has 缝纫工 only as its occupation, not in its title, so it ranks lower.
 */
const SEWING: JobSearchDocument[] = Array.from({ length: 12 }, (_, i) => ({
  ...CORPUS[0],
  id: uuid(i + 1),
  title: i % 2 ? `车间普工${i + 1}号` : `缝纫工${i + 1}号`,
  kind: KINDS[i % 3],
  wageMonthlyMax: i === 11 ? 9000 : 3000 + i * 10,
  postedAt: new Date(NOW.getTime() - i * 3 * 86_400_000),
}));
const OLD: JobSearchDocument = { ...CORPUS[8], id: uuid(99), title: '竹编老师傅', postedAt: new Date(NOW.getTime() - 300 * 86_400_000) };

let api: TestModule;
let engine: PostgresJobSearchEngine;
beforeAll(async () => {
  // Only the migrated database: the engines are made here, no module is needed.
  api = await startTestModule([]);
  // A window of 3 instead of 400, so that the sampled path runs on a small corpus.
  engine = new PostgresJobSearchEngine(api.app.get(DataSource), { windowSize: 3 });
  await engine.clear();
  await engine.upsert([...SEWING, OLD, ...CORPUS.slice(1)]);
});
afterAll(async () => api?.close());

const search = (text: string | undefined, extra: Partial<Parameters<PostgresJobSearchEngine['search']>[0]> = {}, on = engine) =>
  on.search({ text, limit: 2, offset: 0, now: NOW, ...extra });

describe('PostgreSQL search reads a bounded window of the newest matches', () => {
  it('pages newest first exactly, across recency slices and deeper than the window', async () => {
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST })).hits.map((h) => h.id)).toEqual([uuid(1), uuid(2)]);
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST, offset: 4 })).hits.map((h) => h.id)).toEqual([uuid(5), uuid(6)]);
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST, offset: 10, limit: 5 })).hits.map((h) => h.id)).toEqual([uuid(11), uuid(12)]);
  });

  it('ranks by relevance block by block, so paging shows every match once, however deep', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 14; offset += 2) seen.push(...(await search('缝纫工', { offset })).hits.map((h) => h.id));
    // The newest three (a block), title matches first; then the next three.
    expect(seen.slice(0, 6)).toEqual([uuid(1), uuid(3), uuid(2), uuid(5), uuid(4), uuid(6)]);
    expect(seen).toHaveLength(12);
    expect(new Set(seen)).toEqual(new Set(SEWING.map((d) => d.id)));
    // Pages of another size agree on the order.
    const bigPages = [...(await search('缝纫工', { limit: 5 })).hits, ...(await search('缝纫工', { limit: 5, offset: 5 })).hits];
    expect(bigPages.map((h) => h.id)).toEqual(seen.slice(0, 10));
  });

  it('estimates the total and the facets when more jobs match than the window holds, and says so', async () => {
    const result = await search('缝纫工');
    expect(result.approximate).toBe(true);
    const [{ n }] = await api.app
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM job_search_document WHERE tokens @@ '缝纫 & 纫工'::tsquery`);
    // The estimate extrapolates the share of matches among the documents of the days the window covers.
    expect(n).toBeGreaterThanOrEqual(12);
    expect(result.total).toBeGreaterThanOrEqual(Math.floor(n / 2));
    expect(result.total).toBeLessThanOrEqual(n * 2);
    const kinds = result.facets.kind.reduce((sum, f) => sum + f.count, 0);
    expect(Math.abs(kinds - result.total)).toBeLessThanOrEqual(result.facets.kind.length);
  });

  it('is exact when exactly a window of jobs matches', async () => {
    // A window of 4 over the same index: the four GIG 缝纫工 jobs fill it exactly.
    const four = new PostgresJobSearchEngine(api.app.get(DataSource), { windowSize: 4 });
    const gig = await search('缝纫工', { filter: { kinds: ['GIG'] } }, four);
    expect(gig).toMatchObject({ total: 4, approximate: false });
    expect((await search('缝纫工', { filter: { kinds: ['GIG'] }, offset: 2 }, four)).total).toBe(4);
  });

  it('estimates within what a posted-within filter leaves, not the whole index', async () => {
    const dataSource = api.app.get(DataSource);
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM job_search_document WHERE posted_at >= $1::timestamptz - interval '10 days'`,
      [NOW.toISOString()],
    );
    const recent = await search(undefined, { filter: { postedWithinDays: 10 } });
    expect(recent.approximate).toBe(true);
    expect(recent.total).toBeGreaterThanOrEqual(Math.floor(n / 2));
    expect(recent.total).toBeLessThanOrEqual(n);
  });

  it('is exact when the matches fit in the window, however old they are', async () => {
    const result = await search('竹编');
    expect(result.approximate).toBe(false);
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.id).sort()).toEqual([CORPUS[8].id, uuid(99)].sort());
  });

  it('sorts by wage over every match, not only the window', async () => {
    expect((await search('缝纫工', { sort: JobSearchSort.WAGE })).hits[0].id).toBe(uuid(12));
  });

  it('applies kind, region and benefit filters inside the index scan', async () => {
    const gig = await search('缝纫工', { filter: { kinds: ['GIG'] }, sort: JobSearchSort.NEWEST, limit: 10 });
    expect(gig.hits.map((h) => h.id)).toEqual([uuid(2), uuid(5), uuid(8), uuid(11)]);
    expect(gig.facets.kind.map((f) => f.value)).toEqual(['GIG']);
    const region = await search(undefined, { filter: { regionCode: '450329103', benefits: ['BOARD', 'LODGING'] }, sort: JobSearchSort.NEWEST, limit: 20 });
    expect(region.hits.map((h) => h.id).sort()).toEqual(SEWING.map((d) => d.id).sort());
  });
});

describe('recency grid', () => {
  it('gives a document the eight points of each level on or before its posting day', () => {
    const lexemes = gridLexemes(20753);
    expect(lexemes).toHaveLength(32);
    expect(lexemes.slice(0, 8)).toEqual([20746, 20747, 20748, 20749, 20750, 20751, 20752, 20753].map((d) => `#g0:${d}`));
    expect(lexemes.slice(8, 16)).toEqual([20724, 20728, 20732, 20736, 20740, 20744, 20748, 20752].map((d) => `#g1:${d}`));
    expect(lexemes.slice(24)).toEqual([20288, 20352, 20416, 20480, 20544, 20608, 20672, 20736].map((d) => `#g3:${d}`));
    expect(postingDay(new Date('2026-11-20T16:00:00Z'))).toBe(postingDay(new Date('2026-11-21T00:00:00+08:00')));
  });

  it('finds "posted on day D or later" as one lexeme: carried by every document from D to tomorrow, by none before its point', () => {
    const wrong: string[] = [];
    for (const today of [20770, 20773]) {
      for (let from = today - 520; from <= today; from++) {
        const since = sinceLexeme(from, today);
        if (!since) {
          if (from >= today - 440) wrong.push(`${today}/${from}: no lexeme`);
          continue;
        }
        // Never before D by more than half the way back to today (or a day).
        if (since.from > from || from - since.from > Math.max(1, (today - from) / 2)) wrong.push(`${today}/${from}: starts at ${since.from}`);
        for (let day = since.from - 8; day <= today + 1; day++) {
          if (new Set(gridLexemes(day)).has(since.lexeme) !== day >= since.from) wrong.push(`${today}/${from}: ${since.lexeme} on day ${day}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('migration SearchRecencyGrid', () => {
  it('writes in SQL the same grid lexemes as the indexer, in place of the old day and week lexemes', async () => {
    const dataSource = api.app.get(DataSource);
    const lexemes = `ARRAY(SELECT l FROM unnest(tsvector_to_array(tokens)) AS l WHERE l ~ '^#[gdw]' ORDER BY l)`;
    const before = await dataSource.query<{ id: string; tokens: string }[]>('SELECT id, tokens::text AS tokens FROM job_search_document ORDER BY id');
    const expected = (await dataSource.query<{ id: string; lexemes: string[] }[]>(`SELECT id, ${lexemes} AS lexemes FROM job_search_document ORDER BY id`)).map(
      (row) => ({ ...row, lexemes: [...row.lexemes].sort() }),
    );
    expect(expected.length).toBeGreaterThan(10);
    await dataSource.query(
      `UPDATE job_search_document SET tokens = ts_delete(tokens, ARRAY(SELECT l FROM unnest(tsvector_to_array(tokens)) AS l WHERE l LIKE '#g%'))
         || array_to_tsvector(ARRAY['#d' || floor((extract(epoch FROM posted_at) + 28800) / 86400)::bigint, '#w' || floor((extract(epoch FROM posted_at) + 28800) / 604800)::bigint])`,
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new SearchRecencyGrid1795370000000().up(runner);
    } finally {
      await runner.release();
    }
    const migrated = (await dataSource.query<{ id: string; lexemes: string[] }[]>(`SELECT id, ${lexemes} AS lexemes FROM job_search_document ORDER BY id`)).map(
      (row) => ({ ...row, lexemes: [...row.lexemes].sort() }),
    );
    expect(migrated).toEqual(expected);
    // Everything else — text lexemes with their positions, the other filter lexemes — is untouched.
    expect(await dataSource.query('SELECT id, tokens::text AS tokens FROM job_search_document ORDER BY id')).toEqual(before);
    const days = await dataSource.query<{ day: number }[]>(
      `SELECT floor((extract(epoch FROM posted_at) + 28800) / 86400)::int AS day FROM job_search_document ORDER BY id`,
    );
    expect(migrated.map((row) => row.lexemes)).toEqual(days.map((row) => [...gridLexemes(row.day)].sort()));
  });
});
