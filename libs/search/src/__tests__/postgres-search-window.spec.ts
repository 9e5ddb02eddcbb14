import { DataSource } from 'typeorm';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { type JobSearchDocument, JobSearchSort } from '../engine/job-search.model';
import { PostgresJobSearchEngine, postingDay, sinceLexemes } from '../postgres/postgres-job-search.engine';
import { CORPUS } from './job-search.contract';

const NOW = new Date('2026-11-20T08:00:00Z');
const uuid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const KINDS = ['FULL_TIME', 'GIG', 'PART_TIME'];

/** Twelve 缝纫工 jobs three days apart (five weeks), the oldest paying most, and one job from ten months ago. */
const SEWING: JobSearchDocument[] = Array.from({ length: 12 }, (_, i) => ({
  ...CORPUS[0],
  id: uuid(i + 1),
  title: `缝纫工${i + 1}号`,
  kind: KINDS[i % 3],
  wageMonthlyMax: i === 11 ? 9000 : 3000 + i * 10,
  postedAt: new Date(NOW.getTime() - i * 3 * 86_400_000),
}));
const OLD: JobSearchDocument = { ...CORPUS[8], id: uuid(99), title: '竹编老师傅', postedAt: new Date(NOW.getTime() - 300 * 86_400_000) };

let api: TestApp;
let engine: PostgresJobSearchEngine;
beforeAll(async () => {
  api = await startTestApp();
  // A window of 3 instead of 1000, so that the sampled path runs on a small corpus.
  engine = new PostgresJobSearchEngine(api.app.get(DataSource));
  engine.windowSize = 3;
  await engine.clear();
  await engine.upsert([...SEWING, OLD, ...CORPUS.slice(1)]);
});
afterAll(async () => api?.close());

const search = (text: string | undefined, extra: Partial<Parameters<PostgresJobSearchEngine['search']>[0]> = {}) =>
  engine.search({ text, limit: 2, offset: 0, now: NOW, ...extra });

describe('PostgreSQL search reads a bounded window of the newest matches', () => {
  it('pages newest first exactly, across recency slices and deeper than the window', async () => {
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST })).hits.map((h) => h.id)).toEqual([uuid(1), uuid(2)]);
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST, offset: 4 })).hits.map((h) => h.id)).toEqual([uuid(5), uuid(6)]);
    expect((await search('缝纫工', { sort: JobSearchSort.NEWEST, offset: 10, limit: 5 })).hits.map((h) => h.id)).toEqual([uuid(11), uuid(12)]);
  });

  it('estimates the total and the facets when more jobs match than the window holds, and says so', async () => {
    const result = await search('缝纫工');
    expect(result.approximate).toBe(true);
    // Twelve match; the estimate extrapolates the newest slice's share of all documents.
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(result.total).toBeLessThanOrEqual(30);
    const kinds = result.facets.kind.reduce((sum, f) => sum + f.count, 0);
    expect(Math.abs(kinds - result.total)).toBeLessThanOrEqual(result.facets.kind.length);
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

describe('recency slice lexemes', () => {
  it('cover exactly the days from a given one on: the rest of its week by day, then whole weeks to the week after today', () => {
    // Day 20753 is the sixth day of week 2964 (days 20748..20754).
    expect(sinceLexemes(20753, 20770)).toEqual(['#d20753', '#d20754', '#w2965', '#w2966', '#w2967', '#w2968']);
    expect(sinceLexemes(20748, 20750)).toEqual(['#w2964', '#w2965']);
    expect(postingDay(new Date('2026-11-20T16:00:00Z'))).toBe(postingDay(new Date('2026-11-21T00:00:00+08:00')));
  });
});
