import type { GeoPoint } from '@jobcode/common';

/**
 * Approximate points (GCJ-02, degrees) of the demo county's seat and townships, where their
 * governments sit: a job's location defaults to its township's point (a village uses its
 * township's) until the employer refines it with the phone's location. Rounded to about
 * 100 m and not surveyed: good for "nearest first", not for navigation.
 */
export const REGION_POINTS: Readonly<Record<string, GeoPoint>> = {
  '450329': { lat: 26.0424, lng: 110.6523 },
  '450329100': { lat: 26.0424, lng: 110.6523 },
  '450329101': { lat: 26.1326, lng: 110.6069 },
  '450329102': { lat: 26.2089, lng: 110.6581 },
  '450329103': { lat: 25.9437, lng: 110.6145 },
  '450329200': { lat: 26.0778, lng: 110.4713 },
  '450329201': { lat: 25.9962, lng: 110.5274 },
  '450329202': { lat: 25.9366, lng: 110.7614 },
};

/** The point of a region, else of its nearest ancestor that has one (a village → its township). */
export function regionPoint(code: string): GeoPoint | null {
  for (const length of [code.length, 9, 6]) {
    if (length > code.length) continue;
    const point = REGION_POINTS[code.slice(0, length)];
    if (point) return point;
  }
  return null;
}
