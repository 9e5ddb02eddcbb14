import { destinationOf } from '../destination';

describe('destinationOf', () => {
  it.each([
    ['450329103201', '450329100', 'IN_COUNTY'],
    ['450329103201', '450329', 'IN_COUNTY'],
    ['450329103201', '450305', 'IN_PROVINCE'],
    ['450329103201', '4501', 'IN_PROVINCE'],
    ['450329103201', '45', 'IN_PROVINCE'],
    ['450329103201', '441900', 'OUT_OF_PROVINCE'],
    ['450329103201', '44', 'OUT_OF_PROVINCE'],
  ])('home %s, workplace %s → %s', (home, workplace, expected) => {
    expect(destinationOf(home, workplace)).toBe(expected);
  });
});
