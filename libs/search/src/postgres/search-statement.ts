import { JobKind } from '@jobcode/jobs';

import { BENEFIT_VALUES } from '../dto/job-search-filter.input';
import { type FacetCount, type JobSearchFacets, type JobSearchQuery, JobSearchSort, WAGE_BANDS } from '../engine/job-search.model';
import { postedSince, postingDay, postingDaySql, sinceLexeme, type Slice } from './recency-grid';
import { quoteLexeme, REGION_PREFIXES, toTsQuery } from './search-lexemes';

/**
 * The SQL of a PostgreSQL search, built from the query: the window statement (the newest
 * matches of a recency slice, the page, the window's facets) and the exact page for wage and
 * distance orders; and the facets read back from the window statement's rows.
 */

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

/** A row of the window statement: a hit, the window row, or a township count. */
export type WindowRow = {
  facet: string;
  value: string | null;
  count: number;
  score: number | null;
  distance_km: number | null;
  /** Window row: the fixed-value facet counts (FIXED_FACETS order), and the matches posted after the oldest match's day. */
  counts: number[] | null;
  newer: number | null;
};

/** The GIN parts (text, filter lexemes; all must match) and the column conditions shared by the window and the exact page. */
function conditions(query: JobSearchQuery, p: (value: unknown) => string): { gin: string[]; where: string[]; q?: string } {
  const filter = query.filter ?? {};
  const textQuery = query.text ? toTsQuery(query.text) : undefined;
  const all: string[] = [];
  const any = (lexemes: string[]) => `(${lexemes.map(quoteLexeme).join(' | ')})`;
  if (textQuery) all.push(`(${textQuery})`);
  const where: string[] = [];
  if (filter.regionCode) {
    if (REGION_PREFIXES.includes(filter.regionCode.length)) all.push(quoteLexeme(`#r:${filter.regionCode}`));
    else where.push(`d.region_code LIKE ${p(`${filter.regionCode}%`)}`);
  }
  if (filter.kinds?.length) all.push(any(filter.kinds.map((k) => `#k:${k}`)));
  for (const benefit of filter.benefits ?? []) all.push(quoteLexeme(`#b:${benefit}`));
  if (filter.sourceKinds?.length) all.push(any(filter.sourceKinds.map((s) => `#s:${s}`)));
  if (filter.minMonthlyWage !== undefined) where.push(`d.wage_monthly_max >= ${p(filter.minMonthlyWage)}`);
  if (filter.postedWithinDays !== undefined) {
    // The grid narrows the index scan to about those days; the column keeps it exact.
    const today = postingDay(query.now ?? new Date());
    const since = sinceLexeme(today - filter.postedWithinDays, today);
    if (since) all.push(quoteLexeme(since.lexeme));
    where.push(`d.posted_at >= ${p(postedSince(query, filter.postedWithinDays).toISOString())}::timestamptz`);
  }
  if (query.near && filter.withinKm !== undefined) {
    const km = filter.withinKm;
    const dLat = km / 111.2;
    const dLng = km / (111.2 * Math.max(0.01, Math.cos((query.near.lat * Math.PI) / 180)));
    where.push(
      `d.lat BETWEEN ${p(query.near.lat - dLat)} AND ${p(query.near.lat + dLat)} AND d.lng BETWEEN ${p(query.near.lng - dLng)} AND ${p(query.near.lng + dLng)}`,
    );
    where.push(`${distanceSql(query.near, p)} <= ${p(km)}`);
  }
  return { gin: all, where, q: textQuery ? `${p(textQuery)}::tsquery` : undefined };
}

function distanceSql(near: { lat: number; lng: number }, p: (value: unknown) => string): string {
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
export function windowStatement(
  query: JobSearchQuery,
  window: number,
  blockSize: number,
  slice: Slice,
  choices?: { slice: Slice; need: number }[],
): [string, unknown[]] {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { gin, where: columns, q } = conditions(query, p);
  const tsquery = (s: Slice) => [...gin, ...(s ? [quoteLexeme(s.lexeme)] : [])].join(' & ');
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
  const distance = query.near ? distanceSql(query.near, p).replace(/\bd\./g, 'w.') : 'NULL::double precision';
  // Ranking reads only the small inline rank_tokens (title A, occupation B); a match that
  // is only in the description or employer name scores 0 and falls back to newest first.
  const score = q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', d.rank_tokens, ${q})` : '0';
  // Relevance ranks block by block (see SEARCH_WINDOW): the block is the match's place by recency.
  const ranked = q && (query.sort ?? JobSearchSort.RELEVANCE) === JobSearchSort.RELEVANCE;
  const from = ranked ? `(SELECT w.*, (row_number() OVER (ORDER BY w.posted_at DESC, w.id) - 1) / ${p(blockSize)} AS block FROM w) w` : 'w';
  const order = {
    [JobSearchSort.RELEVANCE]: q ? 'w.block, w.score DESC, w.posted_at DESC' : 'w.posted_at DESC',
    [JobSearchSort.NEWEST]: 'w.posted_at DESC',
    // Exact pages for these come from exactPageStatement; this one is not used.
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
export function exactPageStatement(query: JobSearchQuery): [string, unknown[]] {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { gin, where, q } = conditions(query, p);
  if (gin.length) where.unshift(`d.tokens @@ ${p(gin.join(' & '))}::tsquery`);
  const distance = query.near ? distanceSql(query.near, p) : 'NULL::double precision';
  const order =
    query.sort === JobSearchSort.DISTANCE && query.near
      ? 'distance_km ASC NULLS LAST, d.posted_at DESC'
      : query.sort === JobSearchSort.WAGE
        ? 'd.wage_monthly_max DESC NULLS LAST, d.posted_at DESC'
        : 'd.posted_at DESC';
  const sql = `SELECT d.id::text AS id, ${q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', d.rank_tokens, ${q})` : '0'}::float8 AS score, ${distance} AS distance_km
         FROM job_search_document d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order}, d.id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`;
  return [sql, params];
}

/** Facet counts of the window, scaled to the estimated total when the window is a sample. */
export function facetsOf(rows: WindowRow[], scale: number): JobSearchFacets {
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
