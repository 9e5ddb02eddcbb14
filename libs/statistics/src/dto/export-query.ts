import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

import { FunnelGroupBy } from '../dashboard.objects';
import { StatsGroupBy } from '../stats-group-by';

/** `true` or `1` in a query string. */
const flag = () => Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1');

/** The query string of every GET /statistics/…/export: the region and the period (a year, or from and to). */
export class ExportPeriodQuery {
  @IsOptional()
  @IsString()
  region?: string;

  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year 应为 4 位年份' })
  year?: string;

  @IsOptional()
  @IsString()
  from?: string;

  @IsOptional()
  @IsString()
  to?: string;

  /** The period as the dashboard queries take it. */
  period(): { year: number | null; from?: string; to?: string } {
    return { year: this.year === undefined ? null : Number(this.year), from: this.from, to: this.to };
  }
}

/** Exports that list people: optionally one support group, and full (unmasked, logged) values with a purpose. */
export class PeopleExportQuery extends ExportPeriodQuery {
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'supportGroup 应为帮扶人员类别代码，例如 LIFTED_OUT' })
  supportGroup?: string;

  @flag()
  @IsOptional()
  @IsBoolean()
  full?: boolean;

  @IsOptional()
  @IsString()
  purpose?: string;
}

/** GET /statistics/placements/export: one group's figure (`groupBy`+`key`), or the same period last year (`previous`). */
export class PlacementExportQuery extends PeopleExportQuery {
  @IsOptional()
  @IsIn(Object.values(StatsGroupBy), { message: `groupBy 应为 ${Object.values(StatsGroupBy).join('、')} 之一` })
  groupBy?: StatsGroupBy;

  @IsOptional()
  @IsString()
  key?: string;

  @flag()
  @IsOptional()
  @IsBoolean()
  previous?: boolean;
}

/** GET /statistics/workshops/export: the region's workshops, or one (`workshopId`). */
export class WorkshopExportQuery extends PeopleExportQuery {
  @IsOptional()
  @IsUUID('all', { message: 'workshopId 应为扶贫车间的编号' })
  workshopId?: string;
}

/** GET /statistics/funnel/export: the total and each group of `groupBy`. */
export class FunnelExportQuery extends ExportPeriodQuery {
  @IsOptional()
  @IsIn(Object.values(FunnelGroupBy), { message: `groupBy 应为 ${Object.values(FunnelGroupBy).join('、')} 之一` })
  groupBy?: FunnelGroupBy;
}
