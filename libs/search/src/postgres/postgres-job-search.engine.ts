import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

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

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsquery literal from the search box input: every term must match; latin terms as prefixes. */
export function toTsQuery(text: string): string | undefined {
  const parts = queryTerms(text).map((term) => term.lexemes.map((l) => `${quote(l)}${term.prefix ? ':*' : ''}`).join(' & '));
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

/** Days since 1970-01-01 in county time (UTC+8); migration SearchFilterLexemes computes the same in SQL. */
export const postingDay = (at: Date): number => Math.floor((at.getTime() + COUNTY_OFFSET_MS) / DAY_MS);
/** Weeks of seven such days (day / 7). */
const weekOf = (day: number) => Math.floor(day / 7);

/**
 * Lexemes for "posted on day `from` or later": whole weeks as `#w`, the days of a partly covered
 * first week as `#d`, up to the week after `today` (a clock a little ahead).
 */
export function sinceLexemes(from: number, today: number): string[] {
  const lexemes: string[] = [];
  let week = weekOf(from);
  if (from % 7 !== 0) {
    for (let day = from; day < (week + 1) * 7; day++) lexemes.push(`#d${day}`);
    week += 1;
  }
  for (; week <= weekOf(today) + 1; week++) lexemes.push(`#w${week}`);
  return lexemes;
}

/**
 * Lexemes that let one GIN scan apply the equality filters and the recency slices before any
 * row is read: `#d<day>`, `#w<week>`, `#k:<kind>`, `#r:<code>` for every enclosing division, `#b:<benefit>`,
 * `#s:<source>`. They start with '#', which no search box input produces (queryTerms keeps
 * only word characters).
 */
export function filterLexemes(d: Pick<JobSearchDocument, 'postedAt' | 'kind' | 'regionCode' | 'benefits' | 'sourceKind'>): string[] {
  return [
    `#d${postingDay(d.postedAt)}`,
    `#w${weekOf(postingDay(d.postedAt))}`,
    `#k:${d.kind}`,
    ...REGION_PREFIXES.filter((n) => n <= d.regionCode.length).map((n) => `#r:${d.regionCode.slice(0, n)}`),
    ...d.benefits.map((b) => `#b:${b}`),
    ...(d.sourceKind ? [`#s:${d.sourceKind}`] : []),
  ];
}

/**
 * How many matches a search reads at most, newest first: relevance, facets and the total come
 * from them, so a query that matches a third of all jobs costs about what a rare one does. The
 * API pages no deeper than 1000 (MAX_SEARCH_OFFSET), so every page a client can ask for is inside.
 */
export const SEARCH_WINDOW = 1000;

/** Recency slices tried in turn (days back, today included); after the last, every day. */
const SLICE_DAYS = [1, 2, 3, 5, 7, 10, 14, 21, 28, 42, 56, 84, 112, 168, 224, 336, 448];

const DISTANCE_SQL = `6371 * 2 * asin(sqrt(power(sin(radians(d.lat - $LAT) / 2), 2) + cos(radians($LAT)) * cos(radians(d.lat)) * power(sin(radians(d.lng - $LNG) / 2), 2)))`;

const WAGE_BAND_SQL = `CASE ${WAGE_BANDS.map((b) => `WHEN wage_monthly_max < ${b.max ?? 1e9} THEN '${b.value}'`).join(' ')} END`;

/** Documents per posting day, for choosing slices and extrapolating totals; read at most once a minute. */
interface DayHistogram {
  readAt: number;
  total: number;
  byDay: Map<number, number>;
}
const HISTOGRAM_TTL_MS = 60_000;

type Row = { facet: string; value: string | null; count: number; score: number | null; distance_km: number | null };

/**
 * Search on PostgreSQL full-text: GIN over a tsvector whose tokens (characters, bigrams,
 * pinyin, filter lexemes) are made in Node; ranking reads the small title (A) and occupation (B)
 * vector. Works the same on a PostgreSQL server and on embedded PGlite.
 *
 * Cost is bounded by SEARCH_WINDOW, not by how many jobs match: the newest matches are read
 * through recency slices (GIN on text AND filters AND posting days, widened until the window
 * is full), then ranked, paged and faceted in the same statement. When more jobs match than
 * the window holds, relevance ranks the newest SEARCH_WINDOW matches, and the total and facet
 * counts are estimates extrapolated from the slice (`approximate`); otherwise everything is exact.
 * Sorting by wage or distance pages over every match (exact), facets as above.
 */
@Injectable()
export class PostgresJobSearchEngine implements JobSearchEngine {
  readonly name = 'postgres';
  /** SEARCH_WINDOW; tests lower it to see the estimates on a small corpus. */
  windowSize = SEARCH_WINDOW;
  private histogram?: Promise<DayHistogram>;

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
        [indexTokens(d.title), [...indexTokens(d.occupation), ...indexTokens(d.employerName)], indexTokens(d.description, false)],
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
  }

  async search(query: JobSearchQuery): Promise<JobSearchResult> {
    const window = Math.max(this.windowSize, query.offset + query.limit);
    const sort = query.sort ?? JobSearchSort.RELEVANCE;
    const histogram = await this.dayHistogram();
    const today = postingDay(query.now ?? new Date());
    const docsIn = (days: number) => {
      let n = 0;
      for (const [day, count] of histogram.byDay) if (day > today - days) n += count;
      return n;
    };
    // A slice holding fewer documents than the window cannot fill it: start at the first that can.
    let slice: number | undefined = SLICE_DAYS.find((days) => docsIn(days) >= window);
    // The first statement counts the matches in that slice and reads the first slice expected to
    // hold about 1.2 windows of them (or every day), as the loop below would in a second statement.
    let choices: { days: number | undefined; need: number }[] | undefined;
    if (slice !== undefined) {
      const probe = Math.max(1, docsIn(slice));
      choices = [
        { days: slice, need: window },
        ...SLICE_DAYS.filter((days) => days > (slice as number)).map((days) => ({ days, need: (1.2 * window * probe) / Math.max(1, docsIn(days)) })),
        { days: undefined, need: 0 },
      ];
    }
    for (;;) {
      const rows = await this.dataSource.query<Row[]>(...this.windowStatement(query, window, slice, today, choices));
      const [{ count: read, score: matchedInSlice, value: chosenDays }] = rows.filter((r) => r.facet === 'window');
      if (choices && chosenDays !== null) slice = Number(chosenDays) === -1 ? undefined : Number(chosenDays);
      choices = undefined;
      if (slice === undefined || read >= window) {
        const matched = Number(matchedInSlice ?? 0);
        // Outside the slice there are only older jobs: extrapolate from the slice's share of all documents.
        const inSlice = slice === undefined ? 0 : docsIn(slice);
        const total = inSlice >= matched && inSlice > 0 ? Math.max(matched, Math.round((matched * histogram.total) / inSlice)) : matched;
        // Estimated when the window is a sample of the matches, or when older documents were not read.
        const approximate = total > read || (slice !== undefined && inSlice < histogram.total);
        const hits =
          sort === JobSearchSort.WAGE || sort === JobSearchSort.DISTANCE
            ? await this.exactPage(query)
            : rows
                .filter((r) => r.facet === 'hit')
                .map((h) => ({ id: h.value as string, score: Number(h.score), distanceKm: h.distance_km === null ? null : Number(h.distance_km) }));
        return { hits, total, approximate, facets: this.facets(rows, approximate ? total / read : 1) };
      }
      // Too few matches in this slice: go to the first wider slice expected to fill the window, or to every day.
      const inSlice = Math.max(1, docsIn(slice));
      const current: number = slice;
      slice = SLICE_DAYS.find((days) => days > current && (read * docsIn(days)) / inSlice >= 1.2 * window);
    }
  }

  /** Documents per posting day (cached for a minute: only slice choice and estimates depend on it). */
  private dayHistogram(): Promise<DayHistogram> {
    const cached = this.histogram;
    if (cached) {
      void cached.then((h) => {
        if (Date.now() - h.readAt > HISTOGRAM_TTL_MS && this.histogram === cached) this.histogram = undefined;
      });
      return cached;
    }
    const loading = this.dataSource
      .query<{ day: number; n: number }[]>(
        `SELECT floor((extract(epoch FROM posted_at) + 28800) / 86400)::int AS day, count(*)::int AS n FROM job_search_document GROUP BY 1`,
      )
      .then((rows) => ({ readAt: Date.now(), total: rows.reduce((sum, r) => sum + r.n, 0), byDay: new Map(rows.map((r) => [r.day, r.n])) }));
    this.histogram = loading;
    loading.catch(() => {
      if (this.histogram === loading) this.histogram = undefined;
    });
    return loading;
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
    if (filter.postedWithinDays !== undefined)
      where.push(`d.posted_at >= ${p((query.now ?? new Date()).toISOString())}::timestamptz - make_interval(days => ${p(filter.postedWithinDays)})`);
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
   * One statement: the newest `window` matches inside the slice (undefined: every day) with the
   * number of matches in the slice, the page in the requested order, and the facets of the window.
   * `choices` (first statement of a search): the slice is chosen inside the statement instead —
   * the matches in the first choice are counted, and the first choice whose expected matches
   * reach its `need` is read (the last choice, every day, always does), which saves a round trip;
   * the chosen slice comes back in the window row.
   */
  private windowStatement(
    query: JobSearchQuery,
    window: number,
    slice: number | undefined,
    today: number,
    choices?: { days: number | undefined; need: number }[],
  ): [string, unknown[]] {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { gin, where: columns, q } = this.conditions(query, p);
    const tsquery = (days: number | undefined) =>
      [
        ...gin,
        ...(days === undefined
          ? []
          : [
              `(${sinceLexemes(today - days + 1, today)
                .map(quote)
                .join(' | ')})`,
            ]),
      ].join(' & ');
    const where = [...columns];
    let choose = '';
    let chosen = 'NULL::text';
    if (choices?.length && gin.length) {
      const probeWhere = [`d.tokens @@ ${p(tsquery(choices[0].days))}::tsquery`, ...columns].join(' AND ');
      choose = `probe AS MATERIALIZED (SELECT count(*)::float8 AS n FROM job_search_document d WHERE ${probeWhere}),
         pick AS MATERIALIZED (
           SELECT c.q, c.days FROM probe, unnest(${p(choices.map((c) => tsquery(c.days)))}::text[], ${p(choices.map((c) => c.need))}::float8[],
                  ${p(choices.map((c) => c.days ?? -1))}::int[]) WITH ORDINALITY AS c(q, need, days, ord)
            WHERE probe.n >= c.need ORDER BY c.ord LIMIT 1),`;
      where.unshift(`d.tokens @@ (SELECT pick.q::tsquery FROM pick)`);
      chosen = `(SELECT pick.days::text FROM pick)`;
    } else if (gin.length || slice !== undefined) where.unshift(`d.tokens @@ ${p(tsquery(slice))}::tsquery`);
    const distance = query.near ? this.distance(query.near, p).replace(/\bd\./g, 'w.') : 'NULL::double precision';
    // Ranking reads only the small inline rank_tokens (title A, occupation B); a match that
    // is only in the description or employer name scores 0 and falls back to newest first.
    const score = q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', w.rank_tokens, ${q})` : '0';
    const order = {
      [JobSearchSort.RELEVANCE]: q ? 'score DESC, w.posted_at DESC' : 'w.posted_at DESC',
      [JobSearchSort.NEWEST]: 'w.posted_at DESC',
      // Exact pages for these come from exactPage; this one is not used.
      [JobSearchSort.WAGE]: 'w.posted_at DESC',
      [JobSearchSort.DISTANCE]: 'w.posted_at DESC',
    }[query.sort ?? JobSearchSort.RELEVANCE];
    const sql = `
      WITH ${choose} w AS MATERIALIZED (
           SELECT d.id, d.kind, d.township_code, d.wage_monthly_max, d.benefits, d.posted_at, d.lat, d.lng${q ? ', d.rank_tokens' : ''},
                  count(*) OVER () AS matched
             FROM job_search_document d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY d.posted_at DESC, d.id LIMIT ${p(window)}),
         page AS (
           SELECT w.id, ${score} AS score, ${distance} AS distance_km
             FROM w ORDER BY ${order}, w.id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)})
      SELECT 'hit' AS facet, page.id::text AS value, 0 AS count, page.score::float8 AS score, page.distance_km FROM page
      UNION ALL SELECT 'window', ${chosen}, count(*)::int, max(matched)::float8, NULL FROM w
      UNION ALL SELECT 'kind', kind, count(*)::int, NULL, NULL FROM w GROUP BY kind
      UNION ALL SELECT 'township', township_code, count(*)::int, NULL, NULL FROM w GROUP BY township_code
      UNION ALL SELECT 'wageBand', ${WAGE_BAND_SQL}, count(*)::int, NULL, NULL FROM w WHERE wage_monthly_max IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'benefit', b, count(*)::int, NULL, NULL FROM w, unnest(w.benefits) AS b GROUP BY b`;
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
    for (const row of rows) {
      if (row.facet === 'hit' || row.facet === 'window' || row.value === null) continue;
      (facets[row.facet as keyof JobSearchFacets] as FacetCount[]).push({ value: row.value, count: Math.max(1, Math.round(row.count * scale)) });
    }
    for (const list of Object.values(facets) as FacetCount[][]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return facets;
  }
}
