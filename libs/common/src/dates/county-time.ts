/**
 * County time, in one place. The county keeps China Standard Time (Asia/Shanghai): its
 * calendar dates, its clock, and the SQL that turns stored instants into county dates and
 * county-local dates and times into instants.
 */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

/** Building an Intl formatter costs far more than using one: build each once. */
const COUNTY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: COUNTY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const COUNTY_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: COUNTY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** The county's calendar date of a moment (now by default), YYYY-MM-DD — never the UTC date, which lags 8 hours behind. */
export function countyToday(now = new Date()): string {
  return COUNTY_DATE.format(now);
}

/** HH:MM on the county's clock. */
export function countyClock(at: Date): string {
  return COUNTY_CLOCK.format(at);
}

/** M月D日 HH:MM on the county's clock, for messages. */
export function countyMoment(at: Date): string {
  const [, m, d] = countyToday(at).split('-').map(Number);
  return `${m}月${d}日 ${countyClock(at)}`;
}

/** SQL: the county date of a timestamptz expression. */
export const countyDateSql = (instant: string) => `(${instant} AT TIME ZONE '${COUNTY_TIME_ZONE}')::date`;

/** SQL: the instant (timestamptz) of a county-local date or date + time expression. */
export const countyInstantSql = (local: string) => `((${local})::timestamp AT TIME ZONE '${COUNTY_TIME_ZONE}')`;

/** SQL: the county's date today, so the database and the service agree on "today". */
export const COUNTY_TODAY_SQL = countyDateSql('now()');
