import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { JobKind } from '@jobcode/jobs';

import {
  type FacetCount,
  type JobSearchDocument,
  type JobSearchEngine,
  type JobSearchFacets,
  type JobSearchQuery,
  type JobSearchResult,
  JobSearchSort,
  WAGE_BANDS,
} from '../engine/job-search.model';
import { indexTokens, queryTerms } from '../tokenize/chinese-tokens';
import { jobWords } from '../tokenize/job-words';
import { BENEFIT_VALUES } from '../dto/job-search-filter.input';

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A tsquery literal from the search box input: every term must match; latin terms as prefixes.
 * A Chinese word also matches by its sound (`homophones`): 保结员, an input-method slip for
 * 保洁员, finds it through the pinyin indexed for titles, occupations and employers.
 */
export function toTsQuery(text: string): string | undefined {
  const parts = queryTerms(text).map((term) => {
    const exact = term.lexemes.map((l) => `${quote(l)}${term.prefix ? ':*' : ''}`).join(' & ');
    const sound = term.homophones?.map((l) => `${quote(l)}:*`).join(' & ');
    return sound ? `(${exact}) | (${sound})` : exact;
  });
  return parts.length ? parts.map((p) => `(${p})`).join(' & ') : undefined;
}

const WEIGHTS = ['A', 'B', 'C'] as const;
/** PostgreSQL keeps at most this many positions per lexeme, and positions up to 16383. */
const MAX_POSITION = 16_383;

/**
 * A tsvector literal in which every lexeme carries positions with the weight of the field it
 * came from (title A, occupation and employer B, description C). Weights live in positions:
 * a tsvector made with array_to_tsvector has none, and setweight then cannot mark anything,
 * so ts_rank could not tell a title match from a description match.
 */
export function weightedTsVector(fields: string[][], plain: string[] = []): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  fields.forEach((tokens, field) => {
    for (const token of tokens) {
      if (position < MAX_POSITION) position += 1;
      const list = positions.get(token) ?? [];
      if (list.length < 8 && !list.some((p) => p.endsWith(WEIGHTS[field]))) list.push(`${position}${WEIGHTS[field]}`);
      positions.set(token, list);
    }
  });
  for (const lexeme of plain) if (!positions.has(lexeme)) positions.set(lexeme, []);
  return [...positions].map(([lexeme, list]) => (list.length ? `${quote(lexeme)}:${list.join(',')}` : quote(lexeme))).join(' ');
}

const DAY_MS = 86_400_000;
const COUNTY_OFFSET_MS = 8 * 3_600_000;
const REGION_PREFIXES = [2, 4, 6, 9, 12];

/** Days since 1970-01-01 in county time (UTC+8); migration SearchRecencyGrid computes the same in SQL. */
export const postingDay = (at: Date): number => Math.floor((at.getTime() + COUNTY_OFFSET_MS) / DAY_MS);
/** postingDay in SQL, of a timestamptz column. */
const postingDaySql = (column: string) => `floor((extract(epoch FROM ${column}) + ${COUNTY_OFFSET_MS / 1000}) / ${DAY_MS / 1000})::int`;
/** The start of a "posted within N days" filter: N × 24 hours before the query's now (as the Meilisearch engine counts it). */
const postedSince = (query: JobSearchQuery, days: number): Date => new Date((query.now ?? new Date()).getTime() - days * DAY_MS);

/**
 * The recency grid: level k has a point every 4^k days, and a document carries, as `#g<k>:<day>`,
 * the GRID_POINTS points of each level on or before its posting day. "Posted on day D or later"
 * is then ONE lexeme — the point of the finest level that every document from D to tomorrow
 * still carries — so the GIN scan intersects one posting list instead of OR-ing a list per day
 * or week (which cost 10–20 ms per search at 200 000 jobs). The point may lie a little before D
 * (at most 4^k − 1 days): the slice is then a little wider, and the engine counts it as such.
 */
const GRID_LEVELS = 4;
const GRID_POINTS = 8;
const gridStep = (level: number) => 4 ** level;

/** The `#g` lexemes of a document posted on `day`; migration SearchRecencyGrid writes the same in SQL. */
export function gridLexemes(day: number): string[] {
  const lexemes: string[] = [];
  for (let level = 0; level < GRID_LEVELS; level++) {
    const step = gridStep(level);
    for (let point = (Math.floor((day - GRID_POINTS * step) / step) + 1) * step; point <= day; point += step) lexemes.push(`#g${level}:${point}`);
  }
  return lexemes;
}

/**
 * The lexeme for "posted on day `from` or later", for documents posted up to tomorrow (a clock a
 * little ahead), and the day it really starts (≤ from); undefined when `from` is older than the
 * grid reaches (about 500 days): such a slice is every day.
 */
export function sinceLexeme(from: number, today: number): { lexeme: string; from: number } | undefined {
  for (let level = 0; level < GRID_LEVELS; level++) {
    const step = gridStep(level);
    const point = Math.floor(from / step) * step;
    if (point > today + 1 - GRID_POINTS * step) return { lexeme: `#g${level}:${point}`, from: point };
  }
  return undefined;
}

/**
 * Lexemes that let one GIN scan apply the equality filters and the recency slices before any
 * row is read: the recency grid (`#g`), `#k:<kind>`, `#r:<code>` for every enclosing division, `#b:<benefit>`,
 * `#s:<source>`. They start with '#', which no search box input produces (queryTerms keeps
 * only word characters).
 */
export function filterLexemes(d: Pick<JobSearchDocument, 'postedAt' | 'kind' | 'regionCode' | 'benefits' | 'sourceKind'>): string[] {
  return [
    ...gridLexemes(postingDay(d.postedAt)),
    `#k:${d.kind}`,
    ...REGION_PREFIXES.filter((n) => n <= d.regionCode.length).map((n) => `#r:${d.regionCode.slice(0, n)}`),
    ...d.benefits.map((b) => `#b:${b}`),
    ...(d.sourceKind ? [`#s:${d.sourceKind}`] : []),
  ];
}

/**
 * How many of the newest matches a search reads for its first pages: relevance ranks them, and
 * facets and the total come from them, so a query that matches a third of all jobs costs about
 * what a rare one does. Deeper pages read whole blocks more (up to MAX_SEARCH_OFFSET, 1000), and
 * relevance orders block by block — the newest SEARCH_WINDOW matches best first, then the next
 * SEARCH_WINDOW — so every match keeps one place however deep a client pages.
 * 400, not 1000: at 200 000 jobs a window of 1000 cost a broad search about 1.6 times as much
 * (reading and sorting its rows), for facet estimates that were only a little closer.
 */
export const SEARCH_WINDOW = 400;

/**
 * The recency slices a search may read, narrowest first: every grid point that covers up to
 * tomorrow — a day apart for the last week, then 4, 16 and 64 days apart — so each slice is at
 * most about half as wide again as the one before; after the last, every day.
 */
export function sliceLadder(today: number): { lexeme: string; from: number }[] {
  const ladder: { lexeme: string; from: number }[] = [];
  for (let from = today; ; from--) {
    const slice = sinceLexeme(from, today);
    if (!slice) return ladder;
    if (ladder.at(-1)?.lexeme !== slice.lexeme) ladder.push(slice);
    from = slice.from;
  }
}

const DISTANCE_SQL = `6371 * 2 * asin(sqrt(power(sin(radians(d.lat - $LAT) / 2), 2) + cos(radians($LAT)) * cos(radians(d.lat)) * power(sin(radians(d.lng - $LNG) / 2), 2)))`;

/** Facets with a fixed set of values, counted in one pass over the window: [facet, value, condition]. */
const FIXED_FACETS: [keyof JobSearchFacets, string, string][] = [
  ...Object.values(JobKind).map((kind): [keyof JobSearchFacets, string, string] => ['kind', kind, `kind = '${kind}'`]),
  ...WAGE_BANDS.map((band, i): [keyof JobSearchFacets, string, string] => [
    'wageBand',
    band.value,
    [i > 0 ? `wage_monthly_max >= ${band.min}` : '', band.max === null ? '' : `wage_monthly_max < ${band.max}`, 'wage_monthly_max IS NOT NULL']
      .filter(Boolean)
      .join(' AND '),
  ]),
  ...BENEFIT_VALUES.map((benefit): [keyof JobSearchFacets, string, string] => ['benefit', benefit, `'${benefit}' = ANY(benefits)`]),
];
const FIXED_FACETS_SQL = `ARRAY[${FIXED_FACETS.map(([, , condition]) => `count(*) FILTER (WHERE ${condition})`).join(', ')}]::int[]`;

/** Documents per posting day, for choosing slices and extrapolating totals; read at most once a minute. */
interface DayHistogram {
  readAt: number;
  total: number;
  byDay: Map<number, number>;
}
const HISTOGRAM_TTL_MS = 60_000;

/** A recency slice: documents posted on day `from` or later, found by `lexeme`; undefined stands for every day. */
type Slice = { lexeme: string; from: number } | undefined;

type Row = {
  facet: string;
  value: string | null;
  count: number;
  score: number | null;
  distance_km: number | null;
  /** Window row: the fixed-value facet counts (FIXED_FACETS order), and the matches posted after the oldest match's day. */
  counts: number[] | null;
  newer: number | null;
};

/**
 * Search on PostgreSQL full-text: GIN over a tsvector whose tokens (characters, bigrams,
 * pinyin, filter lexemes) are made in Node; ranking reads the small title (A) and occupation (B)
 * vector. Works the same on a PostgreSQL server and on embedded PGlite.
 *
 * Cost is bounded by SEARCH_WINDOW, not by how many jobs match: the newest matches are read
 * through a recency slice (one GIN scan on text AND filters AND one grid lexeme, the slice
 * chosen in the statement from a count of a narrower one), then ranked, paged and faceted in
 * the same statement. When more jobs match than the window holds, relevance ranks the newest
 * SEARCH_WINDOW matches (then the next block, for deeper pages), and the total and facet counts
 * are estimates from the window's share of the documents posted since its oldest match
 * (`approximate`); otherwise everything is exact. Sorting by wage or distance pages over every
 * match (exact), facets as above.
 */
@Injectable()
export class PostgresJobSearchEngine implements JobSearchEngine {
  readonly name = 'postgres';
  /** SEARCH_WINDOW; tests lower it to see the estimates and blocks on a small corpus. */
  windowSize = SEARCH_WINDOW;
  private histogram?: DayHistogram;
  private histogramLoading?: Promise<DayHistogram>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(documents: JobSearchDocument[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({
      id: d.id,
      title: d.title,
      region_code: d.regionCode,
      township_code: d.regionCode.slice(0, 9),
      kind: d.kind,
      wage_monthly_min: d.wageMonthlyMin,
      wage_monthly_max: d.wageMonthlyMax,
      benefits: d.benefits,
      source_kind: d.sourceKind,
      posted_at: d.postedAt.toISOString(),
      lat: d.lat,
      lng: d.lng,
      tokens: weightedTsVector(
        [
          indexTokens(d.title),
          [...indexTokens(d.occupation), ...indexTokens(d.employerName), ...jobWords(d).flatMap((w) => indexTokens(w, false))],
          indexTokens(d.description, false),
        ],
        filterLexemes(d),
      ),
      rank_tokens: weightedTsVector([indexTokens(d.title), indexTokens(d.occupation)]),
    }));
    await manager.query(
      `INSERT INTO job_search_document AS t (id, title, region_code, township_code, kind, wage_monthly_min, wage_monthly_max, benefits, source_kind, posted_at, lat, lng, tokens, rank_tokens)
       SELECT r.id, r.title, r.region_code, r.township_code, r.kind, r.wage_monthly_min, r.wage_monthly_max,
              ARRAY(SELECT jsonb_array_elements_text(r.benefits)), r.source_kind, r.posted_at, r.lat, r.lng,
              r.tokens::tsvector, r.rank_tokens::tsvector
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, region_code text, township_code text, kind text,
              wage_monthly_min int, wage_monthly_max int, benefits jsonb, source_kind text, posted_at timestamptz,
              lat double precision, lng double precision, tokens text, rank_tokens text)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, region_code = excluded.region_code, township_code = excluded.township_code,
         kind = excluded.kind, wage_monthly_min = excluded.wage_monthly_min, wage_monthly_max = excluded.wage_monthly_max,
         benefits = excluded.benefits, source_kind = excluded.source_kind, posted_at = excluded.posted_at,
         lat = excluded.lat, lng = excluded.lng, tokens = excluded.tokens, rank_tokens = excluded.rank_tokens`,
      [JSON.stringify(rows)],
    );
  }

  async remove(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (ids.length) await manager.query('DELETE FROM job_search_document WHERE id = ANY($1::uuid[])', [ids]);
  }

  async clear(): Promise<void> {
    await this.dataSource.query('DELETE FROM job_search_document');
    this.histogram = undefined;
    this.histogramLoading = undefined;
  }

  async search(query: JobSearchQuery): Promise<JobSearchResult> {
    const sort = query.sort ?? JobSearchSort.RELEVANCE;
    const exactSort = sort === JobSearchSort.WAGE || sort === JobSearchSort.DISTANCE;
    // Whole blocks down to the page asked for; wage and distance pages come from exactPage, so their window only feeds the facets.
    const window = exactSort ? this.windowSize : this.windowSize * Math.max(1, Math.ceil((query.offset + query.limit) / this.windowSize));
    const histogram = await this.dayHistogram();
    const today = postingDay(query.now ?? new Date());
    const docsFrom = (from: number) => {
      let n = 0;
      for (const [day, count] of histogram.byDay) if (day >= from) n += count;
      return n;
    };
    const ladder = sliceLadder(today);
    // A slice holding fewer documents than the window cannot fill it: start at the first that can.
    let slice: Slice = ladder.find((s) => docsFrom(s.from) >= window);
    // The first statement counts the matches in that slice and reads the first slice expected to
    // hold about 1.2 windows of them (or every day), as the loop below would in a second statement.
    let choices: { slice: Slice; need: number }[] | undefined;
    if (slice) {
      const probe = Math.max(1, docsFrom(slice.from));
      choices = [
        { slice, need: window },
        ...ladder
          .filter((s) => s.from < (slice as { from: number }).from)
          .map((s) => ({ slice: s, need: (1.2 * window * probe) / Math.max(1, docsFrom(s.from)) })),
        { slice: undefined, need: 0 },
      ];
    }
    for (;;) {
      const rows = await this.dataSource.query<Row[]>(...this.windowStatement(query, window, slice, choices));
      const head = rows.find((r) => r.facet === 'window') as Row;
      if (choices && head.value !== null) slice = ladder.find((s) => s.lexeme === head.value);
      choices = undefined;
      // The statement reads one row more than the window, to tell "exactly a window" from "more";
      // a slice holding exactly a window is widened like a short one, as older matches may exist.
      const read = head.count;
      if (slice === undefined || read > window) {
        // Every match was read, or more match than the window holds: then the window holds every
        // match posted after its oldest match's day, and their share of the documents of those
        // days estimates the share of the whole (the whole being what a posted-within filter leaves).
        const complete = slice === undefined && read <= window;
        const within = query.filter?.postedWithinDays;
        const universe = within === undefined ? histogram.total : this.docsSince(histogram, postedSince(query, within));
        let total = read;
        if (!complete && head.score !== null) {
          const oldestDay = Number(head.score);
          const [matched, docs] = head.newer ? [head.newer, docsFrom(oldestDay + 1)] : [read, docsFrom(oldestDay)];
          total = Math.max(read, Math.round((matched * universe) / Math.max(1, docs)));
        }
        const hits = exactSort
          ? await this.exactPage(query)
          : rows
              .filter((r) => r.facet === 'hit')
              .map((h) => ({ id: h.value as string, score: Number(h.score), distanceKm: h.distance_km === null ? null : Number(h.distance_km) }));
        return { hits, total, approximate: !complete, facets: this.facets(rows, complete || read === 0 ? 1 : total / read) };
      }
      // Too few matches in this slice: go to the first wider slice expected to fill the window, or to every day.
      const inSlice = Math.max(1, docsFrom(slice.from));
      const current = slice.from;
      slice = ladder.find((s) => s.from < current && (read * docsFrom(s.from)) / inSlice >= 1.2 * window);
    }
  }

  /** Documents posted at `at` or later, by the histogram (the documents of `at`'s own day taken as spread evenly over it). */
  private docsSince(histogram: DayHistogram, at: Date): number {
    const day = postingDay(at);
    const restOfDay = 1 - ((at.getTime() + COUNTY_OFFSET_MS) % DAY_MS) / DAY_MS;
    let n = (histogram.byDay.get(day) ?? 0) * restOfDay;
    for (const [d, count] of histogram.byDay) if (d > day) n += count;
    return n;
  }

  /**
   * Documents per posting day: only slice choice and estimates depend on it, so it is read once
   * and then refreshed in the background when a minute old — searches answer with the previous
   * one meanwhile, and only the first search of a process waits for it.
   */
  private async dayHistogram(): Promise<DayHistogram> {
    const current = this.histogram;
    if (current && Date.now() - current.readAt <= HISTOGRAM_TTL_MS) return current;
    const loading = (this.histogramLoading ??= this.dataSource
      .query<{ day: number; n: number }[]>(`SELECT ${postingDaySql('posted_at')} AS day, count(*)::int AS n FROM job_search_document GROUP BY 1`)
      .then((rows) => {
        const histogram = { readAt: Date.now(), total: rows.reduce((sum, r) => sum + r.n, 0), byDay: new Map(rows.map((r) => [r.day, r.n])) };
        if (this.histogramLoading === loading) this.histogram = histogram;
        return histogram;
      })
      .finally(() => {
        if (this.histogramLoading === loading) this.histogramLoading = undefined;
      }));
    if (!current) return loading;
    // A failed refresh keeps the histogram it had and tries again a minute later.
    loading.catch(() => {
      if (this.histogram === current) this.histogram = { ...current, readAt: Date.now() };
    });
    return current;
  }

  /** The GIN parts (text, filter lexemes; all must match) and the column conditions shared by the window and the exact page. */
  private conditions(query: JobSearchQuery, p: (value: unknown) => string): { gin: string[]; where: string[]; q?: string } {
    const filter = query.filter ?? {};
    const textQuery = query.text ? toTsQuery(query.text) : undefined;
    const all: string[] = [];
    const any = (lexemes: string[]) => `(${lexemes.map(quote).join(' | ')})`;
    if (textQuery) all.push(`(${textQuery})`);
    const where: string[] = [];
    if (filter.regionCode) {
      if (REGION_PREFIXES.includes(filter.regionCode.length)) all.push(quote(`#r:${filter.regionCode}`));
      else where.push(`d.region_code LIKE ${p(`${filter.regionCode}%`)}`);
    }
    if (filter.kinds?.length) all.push(any(filter.kinds.map((k) => `#k:${k}`)));
    for (const benefit of filter.benefits ?? []) all.push(quote(`#b:${benefit}`));
    if (filter.sourceKinds?.length) all.push(any(filter.sourceKinds.map((s) => `#s:${s}`)));
    if (filter.minMonthlyWage !== undefined) where.push(`d.wage_monthly_max >= ${p(filter.minMonthlyWage)}`);
    if (filter.postedWithinDays !== undefined) {
      // The grid narrows the index scan to about those days; the column keeps it exact.
      const today = postingDay(query.now ?? new Date());
      const since = sinceLexeme(today - filter.postedWithinDays, today);
      if (since) all.push(quote(since.lexeme));
      where.push(`d.posted_at >= ${p(postedSince(query, filter.postedWithinDays).toISOString())}::timestamptz`);
    }
    if (query.near && filter.withinKm !== undefined) {
      const km = filter.withinKm;
      const dLat = km / 111.2;
      const dLng = km / (111.2 * Math.max(0.01, Math.cos((query.near.lat * Math.PI) / 180)));
      where.push(
        `d.lat BETWEEN ${p(query.near.lat - dLat)} AND ${p(query.near.lat + dLat)} AND d.lng BETWEEN ${p(query.near.lng - dLng)} AND ${p(query.near.lng + dLng)}`,
      );
      where.push(`${this.distance(query.near, p)} <= ${p(km)}`);
    }
    return { gin: all, where, q: textQuery ? `${p(textQuery)}::tsquery` : undefined };
  }

  private distance(near: { lat: number; lng: number }, p: (value: unknown) => string): string {
    return DISTANCE_SQL.replace(/\$LAT/g, `${p(near.lat)}::double precision`).replace(/\$LNG/g, `${p(near.lng)}::double precision`);
  }

  /**
   * One statement: the newest `window` matches inside the slice (and one more, to know whether
   * more match), the page in the requested order, how many were read, the oldest posting day
   * among them and how many are newer than it, and the facets of the window. `choices` (first statement of a search): the slice is chosen inside the statement
   * instead — the matches in the first choice are counted, and the first choice whose expected
   * matches reach its `need` is read (the last choice, every day, always does), which saves a
   * round trip; the chosen slice's lexeme ('' for every day) comes back in the window row.
   */
  private windowStatement(query: JobSearchQuery, window: number, slice: Slice, choices?: { slice: Slice; need: number }[]): [string, unknown[]] {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { gin, where: columns, q } = this.conditions(query, p);
    const tsquery = (s: Slice) => [...gin, ...(s ? [quote(s.lexeme)] : [])].join(' & ');
    const where = [...columns];
    let choose = '';
    let chosen = 'NULL::text';
    if (choices?.length && gin.length) {
      const probeWhere = [`d.tokens @@ ${p(tsquery(choices[0].slice))}::tsquery`, ...columns].join(' AND ');
      choose = `probe AS MATERIALIZED (SELECT count(*)::float8 AS n FROM job_search_document d WHERE ${probeWhere}),
         pick AS MATERIALIZED (
           SELECT c.q, c.lexeme FROM probe, unnest(${p(choices.map((c) => tsquery(c.slice)))}::text[], ${p(choices.map((c) => c.need))}::float8[],
                  ${p(choices.map((c) => c.slice?.lexeme ?? ''))}::text[]) WITH ORDINALITY AS c(q, need, lexeme, ord)
            WHERE probe.n >= c.need ORDER BY c.ord LIMIT 1),`;
      where.unshift(`d.tokens @@ (SELECT pick.q::tsquery FROM pick)`);
      chosen = `(SELECT pick.lexeme FROM pick)`;
    } else if (gin.length || slice) where.unshift(`d.tokens @@ ${p(tsquery(slice))}::tsquery`);
    const distance = query.near ? this.distance(query.near, p).replace(/\bd\./g, 'w.') : 'NULL::double precision';
    // Ranking reads only the small inline rank_tokens (title A, occupation B); a match that
    // is only in the description or employer name scores 0 and falls back to newest first.
    const score = q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', d.rank_tokens, ${q})` : '0';
    // Relevance ranks block by block (see SEARCH_WINDOW): the block is the match's place by recency.
    const ranked = q && (query.sort ?? JobSearchSort.RELEVANCE) === JobSearchSort.RELEVANCE;
    const from = ranked ? `(SELECT w.*, (row_number() OVER (ORDER BY w.posted_at DESC, w.id) - 1) / ${p(this.windowSize)} AS block FROM w) w` : 'w';
    const order = {
      [JobSearchSort.RELEVANCE]: q ? 'w.block, w.score DESC, w.posted_at DESC' : 'w.posted_at DESC',
      [JobSearchSort.NEWEST]: 'w.posted_at DESC',
      // Exact pages for these come from exactPage; this one is not used.
      [JobSearchSort.WAGE]: 'w.posted_at DESC',
      [JobSearchSort.DISTANCE]: 'w.posted_at DESC',
    }[query.sort ?? JobSearchSort.RELEVANCE];
    // No count(*) OVER (): it made every search keep and re-read all the slice's rows (4–5 ms);
    // the total is estimated from the posting days the window covers instead (`day`: days since
    // 1970-01-01 in county time, as postingDay). Facets with fixed values are
    // counted in the same pass as the window row.
    const sql = `
      WITH ${choose} w AS MATERIALIZED (
           SELECT d.id, d.kind, d.township_code, d.wage_monthly_max, d.benefits, d.posted_at, d.lat, d.lng, ${score} AS score,
                  ${postingDaySql('d.posted_at')} AS day
             FROM job_search_document d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY d.posted_at DESC, d.id LIMIT ${p(window + 1)}),
         page AS (
           SELECT w.id, w.score, ${distance} AS distance_km
             FROM ${from} ORDER BY ${order}, w.id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)})
      SELECT 'hit' AS facet, page.id::text AS value, 0 AS count, page.score::float8 AS score, page.distance_km, NULL::int[] AS counts, NULL::int AS newer FROM page
      UNION ALL SELECT 'window', ${chosen}, count(*)::int, min(w.day)::float8, NULL, ${FIXED_FACETS_SQL},
                       (count(*) FILTER (WHERE w.day > (SELECT min(day) FROM w)))::int FROM w
      UNION ALL SELECT 'township', township_code, count(*)::int, NULL, NULL, NULL, NULL FROM w GROUP BY township_code`;
    return [sql, params];
  }

  /** A page sorted by wage or distance over every match (these orders do not follow recency). */
  private async exactPage(query: JobSearchQuery): Promise<JobSearchResult['hits']> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { gin, where, q } = this.conditions(query, p);
    if (gin.length) where.unshift(`d.tokens @@ ${p(gin.join(' & '))}::tsquery`);
    const distance = query.near ? this.distance(query.near, p) : 'NULL::double precision';
    const order =
      query.sort === JobSearchSort.DISTANCE && query.near
        ? 'distance_km ASC NULLS LAST, d.posted_at DESC'
        : query.sort === JobSearchSort.WAGE
          ? 'd.wage_monthly_max DESC NULLS LAST, d.posted_at DESC'
          : 'd.posted_at DESC';
    const rows = await this.dataSource.query<{ id: string; score: number; distance_km: number | null }[]>(
      `SELECT d.id::text AS id, ${q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', d.rank_tokens, ${q})` : '0'}::float8 AS score, ${distance} AS distance_km
         FROM job_search_document d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order}, d.id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`,
      params,
    );
    return rows.map((r) => ({ id: r.id, score: Number(r.score), distanceKm: r.distance_km === null ? null : Number(r.distance_km) }));
  }

  /** Facet counts of the window, scaled to the estimated total when the window is a sample. */
  private facets(rows: Row[], scale: number): JobSearchFacets {
    const facets: JobSearchFacets = { kind: [], township: [], wageBand: [], benefit: [] };
    const add = (facet: keyof JobSearchFacets, value: string, count: number) => {
      if (count > 0) facets[facet].push({ value, count: Math.max(1, Math.round(count * scale)) });
    };
    for (const row of rows) {
      if (row.facet === 'window') (row.counts ?? []).forEach((count, i) => add(FIXED_FACETS[i][0], FIXED_FACETS[i][1], count));
      else if (row.facet === 'township' && row.value !== null) add('township', row.value, row.count);
    }
    for (const list of Object.values(facets) as FacetCount[][]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return facets;
  }
}
