import { type ValueTransformer } from 'typeorm';

/** numeric(9,6) comes back from pg as a string; entities want a number. Coordinates are checked by `parseGeoPoint` (@jobcode/common). */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
