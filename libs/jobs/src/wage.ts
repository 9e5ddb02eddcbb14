import { WageUnit } from './job.enums';

/** Working days and hours a month, as county wage statistics count them. */
export const WORKDAYS_PER_MONTH = 22;
export const HOURS_PER_DAY = 8;

/**
 * The monthly equivalent of a wage, for filtering and comparing jobs paid by different
 * units: DAY × 22, HOUR × 8 × 22. Piece rates have no honest monthly equivalent: null.
 */
export function monthlyEquivalent(amount: number, unit: WageUnit): number | null {
  switch (unit) {
    case WageUnit.MONTH:
      return amount;
    case WageUnit.DAY:
      return amount * WORKDAYS_PER_MONTH;
    case WageUnit.HOUR:
      return amount * HOURS_PER_DAY * WORKDAYS_PER_MONTH;
    case WageUnit.PIECE:
      return null;
  }
}

/** Building an Intl formatter costs far more than using one: build it once. */
const COUNTY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The county's calendar date (Asia/Shanghai), YYYY-MM-DD. */
export function countyToday(now = new Date()): string {
  return COUNTY_DATE.format(now);
}

/** The same date in SQL, so the database and the service agree on "today". */
export const COUNTY_TODAY_SQL = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
