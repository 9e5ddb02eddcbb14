import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, parseRegionCode } from '@jobcode/common';
import { Destination, DESTINATION_LABEL, PlacementSource, SOURCE_LABEL } from '@jobcode/placements';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { changePercent, resolvePeriod, type ResolvedPeriod, shiftYear } from './period';
import { type PlacementFigureObject, type PlacementStatsGroupObject, type PlacementStatsObject } from './placement-stats.object';
import { groupSql, TOTAL_SQL } from './placement-stats.query';
import { StatsGroupBy } from './stats-group-by';

export interface PlacementStatsQuery {
  region?: string | null;
  period: { year?: number | null; from?: string | null; to?: string | null };
  groupBy?: StatsGroupBy | null;
  supportGroup?: string | null;
}

interface FigureRow {
  people: number;
  placements: number;
  previous_people: number;
  previous_placements: number;
}

/** Groups shown most first are capped: an employer breakdown of a whole county is long. */
const MAX_GROUPS = 100;

export const PLACEMENT_DEFINITION =
  '人数：统计期内有过务工的人数（务工开始日期不晚于期末，且未结束或结束日期不早于期初），按户籍所在地计入区域，同一人多段务工只计一人；' +
  '分组时一人可计入多个分组（例如先在县内、后到区外务工，或同时属于多个帮扶类别），故各组人数之和可能大于合计。' +
  '次数：统计期内在岗的务工记录条数。同比：与上年同期人数相比的变化百分比，保留两位小数；上年同期为 0 时不计算。';

/**
 * The dashboard figures. Each query reads both periods (this one and the same one a year
 * earlier) in one scan of the covering index `placement_home_region_prefix`.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly regions: RegionsService,
  ) {}

  /** The region asked for (inside the caller's scope), else the caller's own; null means everywhere (ADMIN). */
  async regionOf(actor: Actor, region?: string | null): Promise<string | null> {
    if (region) {
      const code = parseRegionCode(region, 'region');
      await this.scope.assertCovers(actor, code);
      return code;
    }
    const prefix = this.scope.prefixOf(actor);
    if (prefix === undefined) await this.scope.assertCovers(actor, '');
    return prefix ?? null;
  }

  async placementStats(actor: Actor, query: PlacementStatsQuery): Promise<PlacementStatsObject> {
    const region = await this.regionOf(actor, query.region);
    const period = resolvePeriod(query.period);
    const params = this.params(period, region, query.supportGroup ?? null);
    const [totalRow] = (await this.dataSource.query(TOTAL_SQL, params)) as FigureRow[];
    const groups = query.groupBy ? await this.groups(query.groupBy, period, params) : [];
    return {
      definition: PLACEMENT_DEFINITION,
      regionCode: region,
      regionName: region ? await this.regions.fullName(region) : '全部',
      period: { from: period.from, to: period.to },
      previousPeriod: { from: period.previousFrom, to: period.previousTo },
      groupBy: query.groupBy ?? null,
      supportGroup: query.supportGroup ?? null,
      total: figure(totalRow),
      groups,
    };
  }

  /** People with a placement overlapping the period, for the targets (no comparison). */
  async countPeople(
    region: string,
    from: string,
    to: string,
    where: { source?: PlacementSource; destination?: Destination; supportGroup?: string },
  ): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT p.job_seeker_id)::int AS people FROM placement p
        WHERE p.home_region_code LIKE $1 AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
          AND ($4::varchar IS NULL OR p.source = $4) AND ($5::varchar IS NULL OR p.destination = $5)
          AND ($6::varchar IS NULL OR EXISTS (SELECT 1 FROM job_seeker_support_group sg WHERE sg.job_seeker_id = p.job_seeker_id AND sg.support_group_code = $6))`,
      [`${region}%`, from, to, where.source ?? null, where.destination ?? null, where.supportGroup ?? null],
    )) as { people: number }[];
    return row.people;
  }

  private params(period: ResolvedPeriod, region: string | null, supportGroup: string | null): unknown[] {
    return [period.from, period.to, period.previousFrom, period.previousTo, `${region ?? ''}%`, supportGroup];
  }

  private async groups(groupBy: StatsGroupBy, period: ResolvedPeriod, params: unknown[]): Promise<PlacementStatsGroupObject[]> {
    if (groupBy === StatsGroupBy.MONTH) return this.months(period, params);
    const rows = (await this.dataSource.query(groupSql(groupBy), params)) as (FigureRow & { key: string })[];
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const empty = { people: 0, placements: 0, previous_people: 0, previous_placements: 0 };
    if (groupBy === StatsGroupBy.DESTINATION) {
      return Object.values(Destination).map((key) => ({ key, label: DESTINATION_LABEL[key], ...figure(byKey.get(key) ?? empty) }));
    }
    if (groupBy === StatsGroupBy.SOURCE) {
      return Object.values(PlacementSource).map((key) => ({ key, label: SOURCE_LABEL[key], ...figure(byKey.get(key) ?? empty) }));
    }
    const labels = await this.labels(
      groupBy,
      rows.map((r) => r.key),
    );
    const sorted =
      groupBy === StatsGroupBy.TOWNSHIP
        ? rows.sort((a, b) => a.key.localeCompare(b.key))
        : rows.sort((a, b) => b.people - a.people || a.key.localeCompare(b.key));
    return sorted.slice(0, MAX_GROUPS).map((r) => ({ key: r.key, label: labels.get(r.key) ?? r.key, ...figure(r) }));
  }

  private async months(period: ResolvedPeriod, params: unknown[]): Promise<PlacementStatsGroupObject[]> {
    const rows = (await this.dataSource.query(groupSql(StatsGroupBy.MONTH), params)) as { key: string; people: number; placements: number }[];
    const byMonth = new Map(rows.map((r) => [r.key, r]));
    const result: PlacementStatsGroupObject[] = [];
    for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = nextMonth(month)) {
      const current = byMonth.get(month);
      const previous = byMonth.get(shiftYear(`${month}-01`, -1).slice(0, 7));
      result.push({
        key: month,
        label: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
        ...figure({
          people: current?.people ?? 0,
          placements: current?.placements ?? 0,
          previous_people: previous?.people ?? 0,
          previous_placements: previous?.placements ?? 0,
        }),
      });
    }
    return result;
  }

  private async labels(groupBy: StatsGroupBy, keys: string[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>([['NONE', groupBy === StatsGroupBy.EMPLOYER ? '无（自主务工或不详）' : '无帮扶类别']]);
    if (groupBy === StatsGroupBy.TOWNSHIP) {
      for (const key of keys) labels.set(key, await this.regions.nameOf(key));
    } else if (groupBy === StatsGroupBy.SUPPORT_GROUP) {
      const rows = (await this.dataSource.query('SELECT code, name FROM support_group')) as { code: string; name: string }[];
      for (const row of rows) labels.set(row.code, row.name);
    } else if (groupBy === StatsGroupBy.EMPLOYER) {
      const ids = keys.filter((k) => k !== 'NONE');
      const rows = (await this.dataSource.query('SELECT id::text, name FROM employer WHERE id = ANY($1::uuid[])', [ids])) as { id: string; name: string }[];
      for (const row of rows) labels.set(row.id, row.name);
    }
    return labels;
  }
}

function figure(row: FigureRow): PlacementFigureObject {
  return {
    people: row.people,
    placements: row.placements,
    previousPeople: row.previous_people,
    previousPlacements: row.previous_placements,
    changePercent: changePercent(row.people, row.previous_people),
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
