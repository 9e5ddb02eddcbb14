import { badInput } from '../errors/app-error';

/**
 * A place on the map, GCJ-02 degrees (the datum Chinese maps such as Amap, Tencent and Baidu's
 * converted output give). The one shape for coordinates in TypeScript; GraphQL takes it as
 * `GeoPointInput { lat lng }`, and entities store it in `latitude` / `longitude` columns.
 */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * Coordinates typed in by staff or an employer. A point outside China's bounding box is refused:
 * it is almost always latitude and longitude swapped. Rounded to the 6 decimals stored.
 */
export function parseGeoPoint(latitude: number, longitude: number, field = 'input'): GeoPoint {
  if (!Number.isFinite(latitude) || latitude < 3 || latitude > 54) {
    throw badInput('纬度应在 3 到 54 之间（中国境内，GCJ-02 坐标，例如 25.99）；请检查是否把经度和纬度填反了', {
      field: `${field}.latitude`,
      reason: 'INVALID_COORDINATES',
    });
  }
  if (!Number.isFinite(longitude) || longitude < 73 || longitude > 136) {
    throw badInput('经度应在 73 到 136 之间（中国境内，GCJ-02 坐标，例如 110.64）；请检查是否把经度和纬度填反了', {
      field: `${field}.longitude`,
      reason: 'INVALID_COORDINATES',
    });
  }
  return { lat: Math.round(latitude * 1e6) / 1e6, lng: Math.round(longitude * 1e6) / 1e6 };
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}
