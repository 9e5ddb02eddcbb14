import { JobKind } from '@jobcode/jobs';

import { type JobSearchQuery, JobSearchSort } from '../engine/job-search.model';
import { postingDay, sinceLexeme } from '../postgres/recency-grid';
import { toTsQuery } from '../postgres/search-lexemes';
import { exactPageStatement, facetsOf, type WindowRow, windowStatement } from '../postgres/search-statement';

const NOW = new Date('2026-11-20T08:00:00Z');
const TODAY = postingDay(NOW);
const query = (extra: Partial<JobSearchQuery> = {}): JobSearchQuery => ({ limit: 20, offset: 40, now: NOW, ...extra });
const slice = { lexeme: `#g0:${TODAY - 3}`, from: TODAY - 3 };
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ');

describe('the PostgreSQL search statement (no database needed)', () => {
  it('reads one slice through one GIN condition: text, filter lexemes and the slice lexeme together', () => {
    const text = toTsQuery('缝纫') as string;
    const [sql, params] = windowStatement(
      query({ text: '缝纫', filter: { regionCode: '450329103', kinds: ['GIG', 'PART_TIME'], benefits: ['BOARD'] } }),
      400,
      400,
      slice,
    );
    expect(params).toEqual([text, `(${text}) & '#r:450329103' & ('#k:GIG' | '#k:PART_TIME') & '#b:BOARD' & '${slice.lexeme}'`, 400, 401, 20, 40]);
    const flat = oneLine(sql);
    expect(flat).toContain('WHERE d.tokens @@ $2::tsquery ORDER BY d.posted_at DESC, d.id LIMIT $4');
    expect(flat).toContain(`ts_rank('{0.1, 0.3, 0.6, 1.0}', d.rank_tokens, $1::tsquery) AS score`);
    // Relevance ranks block by block: the block size is a parameter of its own.
    expect(flat).toContain('/ $3 AS block');
    expect(flat).toContain('ORDER BY w.block, w.score DESC, w.posted_at DESC, w.id LIMIT $5 OFFSET $6');
  });

  it('orders the newest first without blocks, and reads every document when nothing narrows it', () => {
    const [newest, newestParams] = windowStatement(query({ text: '缝纫', sort: JobSearchSort.NEWEST }), 400, 400, slice);
    expect(oneLine(newest)).not.toContain('block');
    expect(oneLine(newest)).toContain('ORDER BY w.posted_at DESC, w.id LIMIT');
    expect(newestParams).toHaveLength(5);
    const [all, allParams] = windowStatement(query(), 400, 400, undefined);
    expect(oneLine(all)).not.toContain('WHERE d.');
    expect(allParams).toEqual([401, 20, 40]);
  });

  it('chooses the slice inside the statement when given choices, after counting the matches of the first', () => {
    const wider = { lexeme: `#g1:${TODAY - 8}`, from: TODAY - 8 };
    const [sql, params] = windowStatement(query({ text: '缝纫' }), 400, 400, slice, [
      { slice, need: 400 },
      { slice: wider, need: 900 },
      { slice: undefined, need: 0 },
    ]);
    const flat = oneLine(sql);
    expect(flat).toContain('probe AS MATERIALIZED (SELECT count(*)::float8 AS n FROM job_search_document d WHERE d.tokens @@ $2::tsquery)');
    expect(flat).toContain('WHERE d.tokens @@ (SELECT pick.q::tsquery FROM pick)');
    expect(flat).toContain(`SELECT 'window', (SELECT pick.lexeme FROM pick), count(*)::int`);
    const text = `(${toTsQuery('缝纫')})`;
    expect(params.slice(2, 5)).toEqual([
      [`${text} & '${slice.lexeme}'`, `${text} & '${wider.lexeme}'`, text],
      [400, 900, 0],
      [slice.lexeme, wider.lexeme, ''],
    ]);
  });

  it('keeps the column conditions exact: a region code of no indexed length, a minimum wage, posted within, distance', () => {
    const [sql, params] = windowStatement(
      query({
        near: { lat: 26.02, lng: 110.62 },
        filter: { regionCode: '4503291', minMonthlyWage: 3000, postedWithinDays: 7, withinKm: 5 },
      }),
      400,
      400,
      undefined,
    );
    const since = sinceLexeme(TODAY - 7, TODAY)?.lexeme;
    expect(params[0]).toBe('4503291%');
    expect(params[1]).toBe(3000);
    expect(params[2]).toBe(new Date(NOW.getTime() - 7 * 86_400_000).toISOString());
    expect(params).toContain(`'${since}'`);
    const flat = oneLine(sql);
    expect(flat).toContain('d.region_code LIKE $1 AND d.wage_monthly_max >= $2 AND d.posted_at >= $3::timestamptz AND d.lat BETWEEN');
    expect(flat).toContain('6371 * 2 * asin(');
  });

  it('pages by wage or distance over every match, ties newest first', () => {
    const [wage, wageParams] = exactPageStatement(query({ text: '缝纫', sort: JobSearchSort.WAGE }));
    expect(oneLine(wage)).toContain('ORDER BY d.wage_monthly_max DESC NULLS LAST, d.posted_at DESC, d.id LIMIT $3 OFFSET $4');
    expect(wageParams.slice(-2)).toEqual([20, 40]);
    const [near] = exactPageStatement(query({ sort: JobSearchSort.DISTANCE, near: { lat: 26.02, lng: 110.62 } }));
    expect(oneLine(near)).toContain('ORDER BY distance_km ASC NULLS LAST, d.posted_at DESC, d.id');
    const [noPlace] = exactPageStatement(query({ sort: JobSearchSort.DISTANCE }));
    expect(oneLine(noPlace)).toContain('ORDER BY d.posted_at DESC, d.id');
  });

  it('reads the facets back from the window row and the township rows, scaled to the estimated total', () => {
    const kinds = Object.values(JobKind);
    // FIXED_FACETS order: every kind, then the five wage bands, then the four benefits.
    const counts = [0, 0, 3, 0, 1, /* wage */ 0, 2, 2, 0, 0, /* benefits */ 4, 0, 0, 1];
    const rows: WindowRow[] = [
      { facet: 'hit', value: 'a', count: 0, score: 0.5, distance_km: null, counts: null, newer: null },
      { facet: 'window', value: null, count: 4, score: 20_000, distance_km: null, counts, newer: 2 },
      { facet: 'township', value: '450329103', count: 1, score: null, distance_km: null, counts: null, newer: null },
      { facet: 'township', value: '450329100', count: 3, score: null, distance_km: null, counts: null, newer: null },
    ];
    expect(facetsOf(rows, 1)).toEqual({
      kind: [
        { value: kinds[2], count: 3 },
        { value: kinds[4], count: 1 },
      ],
      township: [
        { value: '450329100', count: 3 },
        { value: '450329103', count: 1 },
      ],
      wageBand: [
        { value: '2000_3000', count: 2 },
        { value: '3000_4000', count: 2 },
      ],
      benefit: [
        { value: 'BOARD', count: 4 },
        { value: 'SOCIAL_INSURANCE', count: 1 },
      ],
    });
    // Scaled (a sample of a larger total): rounded, and never below one.
    expect(facetsOf(rows, 2.5).kind).toEqual([
      { value: kinds[2], count: 8 },
      { value: kinds[4], count: 3 },
    ]);
    expect(facetsOf(rows, 0.1).benefit).toEqual([
      { value: 'BOARD', count: 1 },
      { value: 'SOCIAL_INSURANCE', count: 1 },
    ]);
  });
});
