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
