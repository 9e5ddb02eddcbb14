import { type ValueTransformer } from 'typeorm';

import { badInput } from '@jobcode/common';

/** numeric(9,6) comes back from pg as a string; entities want a number. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Coordinates are GCJ-02 (the datum Chinese maps such as Amap, Tencent and Baidu's
 * converted output give), in degrees. A point outside China's bounding box is refused:
 * it is almost always latitude and longitude swapped.
 */
export function parseLatLng(latitude: number, longitude: number, field = 'input'): LatLng {
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
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}
