import { badInput } from '../errors/app-error';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  2: RegionLevel.PROVINCE,
  4: RegionLevel.CITY,
  6: RegionLevel.COUNTY,
  9: RegionLevel.TOWNSHIP,
  12: RegionLevel.VILLAGE,
};

export const REGION_CODE_LENGTH: Record<RegionLevel, number> = {
  [RegionLevel.PROVINCE]: 2,
  [RegionLevel.CITY]: 4,
  [RegionLevel.COUNTY]: 6,
  [RegionLevel.TOWNSHIP]: 9,
  [RegionLevel.VILLAGE]: 12,
};

/**
 * Division codes are kept at their natural length (province 2, city 4, county 6,
 * township 9, village 12 digits) so that "inside a region" is a prefix test.
 */
export function regionLevelOf(code: string): RegionLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

export function parseRegionCode(raw: string, field = 'regionCode'): string {
  const code = raw.trim();
  if (!regionLevelOf(code)) {
    throw badInput('行政区划代码应为 2、4、6、9 或 12 位数字（省、市、县、乡镇、村）', { reason: 'INVALID_REGION_CODE', field });
  }
  return code;
}

/** True when `code` lies inside (or is) the region `scope`. */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(scope);
}

/** The code of the enclosing region at `level`, or undefined when the code is above it. */
export function regionAncestorAt(code: string, level: RegionLevel): string | undefined {
  const length = REGION_CODE_LENGTH[level];
  return code.length >= length ? code.slice(0, length) : undefined;
}
