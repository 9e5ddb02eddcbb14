import { WageUnit } from '../job.enums';
import { monthlyEquivalent } from '../wage';

describe('monthly wage equivalent', () => {
  it('counts 22 working days and 8 hours a day, and gives piece rates none', () => {
    expect(monthlyEquivalent(3500, WageUnit.MONTH)).toBe(3500);
    expect(monthlyEquivalent(150, WageUnit.DAY)).toBe(3300);
    expect(monthlyEquivalent(18, WageUnit.HOUR)).toBe(3168);
    expect(monthlyEquivalent(3, WageUnit.PIECE)).toBeNull();
  });
});
