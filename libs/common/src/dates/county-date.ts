/** Building an Intl formatter costs far more than using one: build it once. */
const COUNTY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The county's calendar date (Asia/Shanghai), YYYY-MM-DD — never the UTC date, which lags 8 hours behind. */
export function countyToday(now = new Date()): string {
  return COUNTY_DATE.format(now);
}

/** The same date in SQL, so the database and the service agree on "today". */
export const COUNTY_TODAY_SQL = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
