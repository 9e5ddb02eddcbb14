import { Destination } from './placement.enums';

/**
 * The destination of a placement: the workplace's division code against the person's home
 * county (the first 6 digits of their home region). A workplace known only to the province
 * (2 digits) or city (4 digits) is still placed correctly when it lies outside the county.
 */
export function destinationOf(homeRegionCode: string, workplaceRegionCode: string): Destination {
  const county = homeRegionCode.slice(0, 6);
  const province = homeRegionCode.slice(0, 2);
  if (workplaceRegionCode.length >= 6 && workplaceRegionCode.startsWith(county)) return Destination.IN_COUNTY;
  // A bare province or city code ("45", "4503") of the home province counts as in province.
  if (workplaceRegionCode.startsWith(province)) return Destination.IN_PROVINCE;
  return Destination.OUT_OF_PROVINCE;
}
