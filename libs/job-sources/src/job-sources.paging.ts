import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

import { clampPageSize, type ConnectionShape, decodeCursor, toConnection } from '@jobcode/common';
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
  const limit = clampPageSize(args.first);
  const totalCount = await qb.clone().getCount();
  const cursor = decodeCursor(args.after, 2) as [string, string] | undefined;
  if (cursor) qb.andWhere(`(${alias}.region_code, ${alias}.id) > (:cRegion, :cId::uuid)`, { cRegion: cursor[0], cId: cursor[1] });
  const rows = await qb
    .orderBy(`${alias}.region_code`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(limit + 1)
    .getMany();
  return toConnection(
    rows,
    limit,
    (r) => [r.regionCode, r.id],
    (r) => r,
    totalCount,
  );
}
