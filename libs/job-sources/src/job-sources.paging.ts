import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

import { type ConnectionShape, keysetConnection, type KeysetOrder } from '@jobcode/common';
import { type RegionsService } from '@jobcode/regions';

/** Keeps a list to a division and everything under it (the code is checked first). */
export async function inRegion<T extends ObjectLiteral>(regions: RegionsService, qb: SelectQueryBuilder<T>, column: string, regionCode: string): Promise<void> {
  const region = await regions.require(regionCode, 'regionCode');
  qb.andWhere(`${column} LIKE :regionPrefix`, { regionPrefix: `${region.code}%` });
}

/** Pages stable lists by (region_code, id): nearby places stay together. */
export async function pageByRegionCode<T extends ObjectLiteral & { id: string; regionCode: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  args: { first?: number; after?: string },
): Promise<ConnectionShape<T>> {
  const byCode: KeysetOrder = {
    keys: [
      { column: `${alias}.region_code`, type: 'text' },
      { column: `${alias}.id`, type: 'uuid' },
    ],
    direction: 'ASC',
  };
  return keysetConnection(qb, args, byCode, (r) => r);
}
