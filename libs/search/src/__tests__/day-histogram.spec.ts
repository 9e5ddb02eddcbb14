import { type DayHistogram, docsOnOrAfter, docsSince } from '../postgres/day-histogram';
import { COUNTY_OFFSET_MS, DAY_MS, postingDay } from '../postgres/recency-grid';

const histogram: DayHistogram = {
  readAt: 0,
  total: 10,
  byDay: new Map([
    [20_000, 5],
    [20_001, 3],
    [20_003, 2],
  ]),
};
/** An instant `hours` into county day `day` (UTC+8). */
const at = (day: number, hours: number) => new Date(day * DAY_MS - COUNTY_OFFSET_MS + hours * 3_600_000);

describe('the day histogram the PostgreSQL engine estimates with (no database needed)', () => {
  it('counts the documents posted on a day or later', () => {
    expect(docsOnOrAfter(histogram, 19_000)).toBe(10);
    expect(docsOnOrAfter(histogram, 20_001)).toBe(5);
    expect(docsOnOrAfter(histogram, 20_004)).toBe(0);
  });

  it('counts the documents since an instant, taking those of its own day as spread over the day', () => {
    expect(postingDay(at(20_001, 12))).toBe(20_001);
    expect(docsSince(histogram, at(20_001, 12))).toBe(3 * 0.5 + 2);
    expect(docsSince(histogram, at(20_001, 0))).toBe(3 + 2);
    expect(docsSince(histogram, at(20_002, 6))).toBe(2);
  });
});
