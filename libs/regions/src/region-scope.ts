import { Injectable } from '@nestjs/common';
import { type ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { type Actor, forbidden, isWithinRegion, Role } from '@jobcode/common';

import { RegionsService } from './regions.service';

/**
 * "Is this row inside the caller's region?" — the one check every feature uses.
 * STAFF are scoped to their division code; ADMIN sees everything.
 */
@Injectable()
export class RegionScope {
  constructor(private readonly regions: RegionsService) {}

  /** The code prefix the actor may see: null for everywhere, undefined for none (not staff). */
  prefixOf(actor: Actor | undefined): string | null | undefined {
    if (!actor) return undefined;
    if (actor.role === Role.ADMIN) return null;
    if (actor.role === Role.STAFF) return actor.regionCode ?? undefined;
    return undefined;
  }

  covers(actor: Actor | undefined, regionCode: string): boolean {
    const prefix = this.prefixOf(actor);
    return prefix === null || (prefix !== undefined && isWithinRegion(regionCode, prefix));
  }

  /** Refuses with FORBIDDEN, naming both regions, unless the actor's scope holds `regionCode`. */
  async assertCovers(actor: Actor | undefined, regionCode: string): Promise<void> {
    if (this.covers(actor, regionCode)) return;
    const prefix = this.prefixOf(actor);
    if (prefix === undefined || prefix === null) throw forbidden('只有负责该区域的工作人员可以执行此操作');
    const [mine, theirs] = await Promise.all([this.regions.fullName(prefix), this.regions.fullName(regionCode)]);
    throw forbidden(`您的管辖范围是${mine}，${theirs}不在其中`, { reason: 'OUT_OF_REGION' });
  }

  /**
   * Narrows a query to rows inside the actor's region, by code prefix on `column`
   * (served by a text_pattern_ops / btree index). Non-staff get no rows.
   */
  restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, actor: Actor | undefined, param = 'scopePrefix'): SelectQueryBuilder<T> {
    const prefix = this.prefixOf(actor);
    if (prefix === null) return qb;
    if (prefix === undefined) return qb.andWhere('1 = 0');
    return qb.andWhere(`${column} LIKE :${param}`, { [param]: `${prefix}%` });
  }
}
