import { type JobSearchQuery } from '../engine/job-search.model';

export const DAY_MS = 86_400_000;
export const COUNTY_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 in county time (UTC+8); migration SearchRecencyGrid computes the same in SQL. */
export const postingDay = (at: Date): number => Math.floor((at.getTime() + COUNTY_OFFSET_MS) / DAY_MS);
/** postingDay in SQL, of a timestamptz column. */
export const postingDaySql = (column: string) => `floor((extract(epoch FROM ${column}) + ${COUNTY_OFFSET_MS / 1000}) / ${DAY_MS / 1000})::int`;
/** The start of a "posted within N days" filter: N × 24 hours before the query's now (as the Meilisearch engine counts it). */
export const postedSince = (query: JobSearchQuery, days: number): Date => new Date((query.now ?? new Date()).getTime() - days * DAY_MS);

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

/** A recency slice: documents posted on day `from` or later, found by `lexeme`; undefined stands for every day. */
export type Slice = { lexeme: string; from: number } | undefined;
