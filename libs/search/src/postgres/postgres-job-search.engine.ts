import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { type JobSearchDocument, type JobSearchEngine, type JobSearchQuery, type JobSearchResult, JobSearchSort } from '../engine/job-search.model';
import { indexTokens } from '../tokenize/chinese-tokens';
import { jobWords } from '../tokenize/job-words';
import { DayHistogramCache, docsOnOrAfter, docsSince } from './day-histogram';
import { POSTGRES_SEARCH_SETTINGS, type PostgresSearchSettings } from './postgres-search.settings';
import { postedSince, postingDay, type Slice, sliceLadder } from './recency-grid';
import { filterLexemes, weightedTsVector } from './search-lexemes';
import { exactPageStatement, facetsOf, type WindowRow, windowStatement } from './search-statement';

/**
 * Search on PostgreSQL full-text: GIN over a tsvector whose tokens (characters, bigrams,
 * pinyin, filter lexemes) are made in Node; ranking reads the small title (A) and occupation (B)
 * vector. Works the same on a PostgreSQL server and on embedded PGlite.
 *
 * Cost is bounded by the window (SEARCH_WINDOW), not by how many jobs match: the newest matches are read
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
  private readonly histograms: DayHistogramCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(POSTGRES_SEARCH_SETTINGS) private readonly settings: PostgresSearchSettings,
  ) {
    this.histograms = new DayHistogramCache(dataSource);
  }

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
    this.histograms.reset();
  }

  async search(query: JobSearchQuery): Promise<JobSearchResult> {
    const sort = query.sort ?? JobSearchSort.RELEVANCE;
    const exactSort = sort === JobSearchSort.WAGE || sort === JobSearchSort.DISTANCE;
    // Whole blocks down to the page asked for; wage and distance pages come from exactPage, so their window only feeds the facets.
    const { windowSize } = this.settings;
    const window = exactSort ? windowSize : windowSize * Math.max(1, Math.ceil((query.offset + query.limit) / windowSize));
    const histogram = await this.histograms.get();
    const today = postingDay(query.now ?? new Date());
    const docsFrom = (from: number) => docsOnOrAfter(histogram, from);
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
      const rows = await this.dataSource.query<WindowRow[]>(...windowStatement(query, window, windowSize, slice, choices));
      const head = rows.find((r) => r.facet === 'window') as WindowRow;
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
        const universe = within === undefined ? histogram.total : docsSince(histogram, postedSince(query, within));
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
        return { hits, total, approximate: !complete, facets: facetsOf(rows, complete || read === 0 ? 1 : total / read) };
      }
      // Too few matches in this slice: go to the first wider slice expected to fill the window, or to every day.
      const inSlice = Math.max(1, docsFrom(slice.from));
      const current = slice.from;
      slice = ladder.find((s) => s.from < current && (read * docsFrom(s.from)) / inSlice >= 1.2 * window);
    }
  }

  /** A page sorted by wage or distance over every match (these orders do not follow recency). */
  private async exactPage(query: JobSearchQuery): Promise<JobSearchResult['hits']> {
    const rows = await this.dataSource.query<{ id: string; score: number; distance_km: number | null }[]>(...exactPageStatement(query));
    return rows.map((r) => ({ id: r.id, score: Number(r.score), distanceKm: r.distance_km === null ? null : Number(r.distance_km) }));
  }
}
