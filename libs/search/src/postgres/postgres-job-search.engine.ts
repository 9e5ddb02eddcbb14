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
export function weightedTsVector(fields: string[][]): string {
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
  return [...positions].map(([lexeme, list]) => `${quote(lexeme)}:${list.join(',')}`).join(' ');
}

const DISTANCE_SQL = `6371 * 2 * asin(sqrt(power(sin(radians(d.lat - $LAT) / 2), 2) + cos(radians($LAT)) * cos(radians(d.lat)) * power(sin(radians(d.lng - $LNG) / 2), 2)))`;

const WAGE_BAND_SQL = `CASE ${WAGE_BANDS.map((b) => `WHEN d.wage_monthly_max < ${b.max ?? 1e9} THEN '${b.value}'`).join(' ')} END`;

/**
 * Search on PostgreSQL full-text: GIN over a tsvector whose tokens (characters, bigrams,
 * pinyin) are made in Node, title weighted A, occupation and employer B, description C.
 * Works the same on a PostgreSQL server and on embedded PGlite.
 */
@Injectable()
export class PostgresJobSearchEngine implements JobSearchEngine {
  readonly name = 'postgres';

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
      tokens: weightedTsVector([indexTokens(d.title), [...indexTokens(d.occupation), ...indexTokens(d.employerName)], indexTokens(d.description, false)]),
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
  }

  async search(query: JobSearchQuery): Promise<JobSearchResult> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const tsQuery = query.text ? toTsQuery(query.text) : undefined;
    const q = tsQuery ? `${p(tsQuery)}::tsquery` : undefined;
    if (q) where.push(`d.tokens @@ ${q}`);
    const filter = query.filter ?? {};
    if (filter.regionCode) where.push(`d.region_code LIKE ${p(`${filter.regionCode}%`)}`);
    if (filter.kinds?.length) where.push(`d.kind = ANY(${p(filter.kinds)}::text[])`);
    if (filter.minMonthlyWage !== undefined) where.push(`d.wage_monthly_max >= ${p(filter.minMonthlyWage)}`);
    if (filter.benefits?.length) where.push(`d.benefits @> ${p(filter.benefits)}::text[]`);
    if (filter.sourceKinds?.length) where.push(`d.source_kind = ANY(${p(filter.sourceKinds)}::text[])`);
    if (filter.postedWithinDays !== undefined)
      where.push(`d.posted_at >= ${p((query.now ?? new Date()).toISOString())}::timestamptz - make_interval(days => ${p(filter.postedWithinDays)})`);
    const distanceFrom = (near: { lat: number; lng: number }) =>
      DISTANCE_SQL.replace(/\$LAT/g, `${p(near.lat)}::double precision`).replace(/\$LNG/g, `${p(near.lng)}::double precision`);
    if (query.near && filter.withinKm !== undefined) {
      const km = filter.withinKm;
      const dLat = km / 111.2;
      const dLng = km / (111.2 * Math.max(0.01, Math.cos((query.near.lat * Math.PI) / 180)));
      where.push(
        `d.lat BETWEEN ${p(query.near.lat - dLat)} AND ${p(query.near.lat + dLat)} AND d.lng BETWEEN ${p(query.near.lng - dLng)} AND ${p(query.near.lng + dLng)}`,
      );
      where.push(`${distanceFrom(query.near)} <= ${p(km)}`);
    }
    const distance = query.near ? distanceFrom(query.near) : 'NULL::double precision';
    // Ranking reads only the small inline rank_tokens (title A, occupation B); a match that
    // is only in the description or employer name scores 0 and falls back to newest first.
    const score = q ? `ts_rank('{0.1, 0.3, 0.6, 1.0}', m.rank_tokens, ${q})` : '0';
    const order = {
      [JobSearchSort.RELEVANCE]: q ? 'score DESC, m.posted_at DESC' : 'm.posted_at DESC',
      [JobSearchSort.DISTANCE]: query.near ? 'distance_km ASC NULLS LAST, m.posted_at DESC' : 'm.posted_at DESC',
      [JobSearchSort.WAGE]: 'm.wage_monthly_max DESC NULLS LAST, m.posted_at DESC',
      [JobSearchSort.NEWEST]: 'm.posted_at DESC',
    }[query.sort ?? JobSearchSort.RELEVANCE];
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // One statement, one index scan: the matches are read once (narrow columns only) and both
    // the page and the four facets are computed from them.
    const rows: { facet: string; value: string | null; count: number; score: number | null; distance_km: number | null }[] = await this.dataSource.query(
      `WITH m AS MATERIALIZED (
           SELECT d.id, d.kind, d.township_code, d.wage_monthly_max, d.benefits, d.posted_at, d.lat, d.lng${q ? ', d.rank_tokens' : ''}
             FROM job_search_document d ${whereSql}),
         page AS (
           SELECT m.id, ${score} AS score, ${distance.replace(/\bd\./g, 'm.')} AS distance_km
             FROM m ORDER BY ${order}, m.id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)})
         SELECT 'hit' AS facet, page.id::text AS value, 0 AS count, page.score::float8 AS score, page.distance_km FROM page
         UNION ALL SELECT 'kind', kind, count(*)::int, NULL, NULL FROM m GROUP BY kind
         UNION ALL SELECT 'township', township_code, count(*)::int, NULL, NULL FROM m GROUP BY township_code
         UNION ALL SELECT 'wageBand', ${WAGE_BAND_SQL.replace(/d\./g, '')}, count(*)::int, NULL, NULL FROM m WHERE wage_monthly_max IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'benefit', b, count(*)::int, NULL, NULL FROM m, unnest(m.benefits) AS b GROUP BY b`,
      params,
    );
    const hits = rows
      .filter((r) => r.facet === 'hit')
      .map((h) => ({ id: h.value as string, score: Number(h.score), distanceKm: h.distance_km === null ? null : Number(h.distance_km) }));
    const facetRows = rows.filter((r) => r.facet !== 'hit');
    const facets: JobSearchFacets = { kind: [], township: [], wageBand: [], benefit: [] };
    for (const row of facetRows)
      if (row.value !== null) (facets[row.facet as keyof JobSearchFacets] as FacetCount[]).push({ value: row.value, count: row.count });
    for (const list of Object.values(facets) as FacetCount[][]) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      hits,
      // Every document has a kind, so the kind facet counts the whole filtered set.
      total: facets.kind.reduce((sum, f) => sum + f.count, 0),
      facets,
    };
  }
}
