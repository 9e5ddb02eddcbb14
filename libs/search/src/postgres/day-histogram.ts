import { type DataSource } from 'typeorm';

import { COUNTY_OFFSET_MS, DAY_MS, postingDay, postingDaySql } from './recency-grid';

/** Documents per posting day, for choosing slices and extrapolating totals; read at most once a minute. */
export interface DayHistogram {
  readAt: number;
  total: number;
  byDay: Map<number, number>;
}
const HISTOGRAM_TTL_MS = 60_000;

/** Documents posted on day `from` or later. */
export function docsOnOrAfter(histogram: DayHistogram, from: number): number {
  let n = 0;
  for (const [day, count] of histogram.byDay) if (day >= from) n += count;
  return n;
}

/** Documents posted at `at` or later, by the histogram (the documents of `at`'s own day taken as spread evenly over it). */
export function docsSince(histogram: DayHistogram, at: Date): number {
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
export class DayHistogramCache {
  private histogram?: DayHistogram;
  private histogramLoading?: Promise<DayHistogram>;

  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<DayHistogram> {
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

  /** Forgets what it read (the index was cleared). */
  reset(): void {
    this.histogram = undefined;
    this.histogramLoading = undefined;
  }
}
