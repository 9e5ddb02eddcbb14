import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, countyToday, parseRegionCode } from '@jobcode/common';
import { Destination, DESTINATION_LABEL, PlacementSource, SOURCE_LABEL } from '@jobcode/placements';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { changePercent, resolvePeriod, type ResolvedPeriod, shiftYear } from './period';
import { type PlacementFigureObject, type PlacementStatsGroupObject, type PlacementStatsObject } from './placement-stats.object';
import { moverCorrectionSql, ROLLUP_HORIZON_SQL, rollupAnswers, type RollupGroupBy, type RollupSpan, rollupSpanOf, rollupSql } from './placement-rollup.query';
import { groupSql, TOTAL_SQL } from './placement-stats.query';
import { StatsGroupBy } from './stats-group-by';

export interface PlacementStatsQuery {
  region?: string | null;
  period: { year?: number | null; from?: string | null; to?: string | null };
  groupBy?: StatsGroupBy | null;
  supportGroup?: string | null;
}

export interface PlacementStatsOptions {
  /** false reads the placement rows even when the rollup could answer (tests compare both). */
  rollup?: boolean;
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
  '次数：统计期内在岗的务工记录条数。同比：与上年同期人数相比的变化百分比，保留两位小数；上年同期为 0 时不计算。' +
  '帮扶类别只计工作人员登记或确认的；求职者本人自报、尚待确认的不计入。';

/**
 * The dashboard figures. Each query reads both periods (this one and the same one a year
 * earlier) in one scan of the covering index `placement_home_region_prefix`.
 */
@Injectable()
export class StatisticsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatisticsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly regions: RegionsService,
  ) {}

  /**
   * Open placements are rolled up to the horizon year; after it the figures come from the rows.
   * Keeps the horizon one year ahead of the county's year: the first start in a new year builds
   * next year's rollup (placement writes wait for it; about a minute at 5M placements).
   */
  onApplicationBootstrap(): void {
    const wanted = Number(countyToday().slice(0, 4)) + 1;
    void this.extendRollup(wanted).catch((error: unknown) =>
      this.logger.error(`Placement rollup horizon not moved: ${(error as Error).stack ?? String(error)}`),
    );
  }

  async extendRollup(horizon: number): Promise<boolean> {
    const [state] = (await this.dataSource.query(ROLLUP_HORIZON_SQL)) as { horizon: number }[];
    if (!state || state.horizon >= horizon) return false;
    this.logger.log(`Extending the placement rollup from ${state.horizon} to ${horizon}`);
    await this.dataSource.query('SELECT placement_rollup_extend($1)', [horizon]);
    return true;
  }

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

  async placementStats(actor: Actor, query: PlacementStatsQuery, options: PlacementStatsOptions = {}): Promise<PlacementStatsObject> {
    const region = await this.regionOf(actor, query.region);
    const period = resolvePeriod(query.period);
    const groupBy = query.groupBy ?? null;
    const supportGroup = query.supportGroup ?? null;
    const span = options.rollup === false ? null : await this.rollupSpan(period, groupBy, supportGroup);
    let totalRow: FigureRow;
    let groups: PlacementStatsGroupObject[] = [];
    if (span) {
      const rollup = (by: RollupGroupBy, spans: number[]) => this.fromRollup(by, span.year, spans, supportGroup ?? '*', region ?? '');
      totalRow = byKey(await rollup(null, [span.span]), span, '').get('') ?? EMPTY;
      if (groupBy === StatsGroupBy.MONTH) {
        const months = Array.from({ length: span.toMonth - span.fromMonth + 1 }, (_, i) => span.fromMonth + i);
        groups = this.monthGroups(period, await rollup(null, months));
      } else if (groupBy) {
        const rows = byKey(await rollup(groupBy as RollupGroupBy, [span.span]), span);
        groups = await this.shape(
          groupBy,
          [...rows.entries()].map(([key, row]) => ({ key, ...row })),
        );
      }
    } else {
      const params = this.params(period, region, supportGroup);
      [totalRow] = (await this.dataSource.query(TOTAL_SQL, params)) as FigureRow[];
      groups = groupBy ? await this.groups(groupBy, period, params) : [];
    }
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

  /** The rollup span of the period when the rollup can answer the question, else null. */
  private async rollupSpan(period: ResolvedPeriod, groupBy: StatsGroupBy | null, supportGroup: string | null): Promise<RollupSpan | null> {
    if (!rollupAnswers(groupBy, supportGroup)) return null;
    const span = rollupSpanOf(period);
    if (!span) return null;
    const [state] = (await this.dataSource.query(ROLLUP_HORIZON_SQL)) as { horizon: number }[];
    // Open placements are rolled up to the horizon year only; later years come from the rows.
    return state && span.year <= state.horizon ? span : null;
  }

  /** Rollup rows (both years) with the people counted under two villages subtracted once. */
  private async fromRollup(groupBy: RollupGroupBy, year: number, spans: number[], supportGroup: string, region: string): Promise<RollupRow[]> {
    const kind = groupBy === StatsGroupBy.DESTINATION ? 'DESTINATION' : groupBy === StatsGroupBy.SOURCE ? 'SOURCE' : 'TOTAL';
    const params = [year, spans, supportGroup, kind, `${region}%`];
    const rows = (await this.dataSource.query(rollupSql(groupBy), params)) as RollupRow[];
    if (region.length >= 12) return rows;
    const corrections = (await this.dataSource.query(moverCorrectionSql(groupBy), params)) as (RollupRow & { overcount: number })[];
    const over = new Map(corrections.map((c) => [`${c.key}|${c.year}|${c.span}`, c.overcount]));
    return rows.map((r) => ({ ...r, people: r.people - (over.get(`${r.key}|${r.year}|${r.span}`) ?? 0) }));
  }

  private monthGroups(period: ResolvedPeriod, rows: RollupRow[]): PlacementStatsGroupObject[] {
    const at = new Map(rows.map((r) => [`${r.year}-${r.span}`, r]));
    const year = Number(period.from.slice(0, 4));
    const result: PlacementStatsGroupObject[] = [];
    for (let month = Number(period.from.slice(5, 7)); month <= Number(period.to.slice(5, 7)); month++) {
      const current = at.get(`${year}-${month}`);
      const previous = at.get(`${year - 1}-${month}`);
      const key = `${year}-${String(month).padStart(2, '0')}`;
      result.push({
        key,
        label: `${year}年${month}月`,
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

  private params(period: ResolvedPeriod, region: string | null, supportGroup: string | null): unknown[] {
    return [period.from, period.to, period.previousFrom, period.previousTo, `${region ?? ''}%`, supportGroup];
  }

  private async groups(groupBy: StatsGroupBy, period: ResolvedPeriod, params: unknown[]): Promise<PlacementStatsGroupObject[]> {
    if (groupBy === StatsGroupBy.MONTH) return this.months(period, params);
    const rows = (await this.dataSource.query(groupSql(groupBy), params)) as (FigureRow & { key: string })[];
    return this.shape(groupBy, rows);
  }

  /** Groups in display order: every destination and source, else present keys with their labels. */
  private async shape(groupBy: StatsGroupBy, rows: (FigureRow & { key: string })[]): Promise<PlacementStatsGroupObject[]> {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const empty = { people: 0, placements: 0, previous_people: 0, previous_placements: 0 };
    if (groupBy === StatsGroupBy.DESTINATION) {
      return Object.values(Destination).map((key) => ({ key, label: DESTINATION_LABEL[key], ...figure(byKey.get(key) ?? empty) }));
    }
    if (groupBy === StatsGroupBy.SOURCE) {
      return Object.values(PlacementSource).map((key) => ({ key, label: SOURCE_LABEL[key], ...figure(byKey.get(key) ?? empty) }));
    }
    // A key with nothing in either period (the raw scan also reads the months between them) is left out.
    rows = rows.filter((r) => r.people || r.placements || r.previous_people || r.previous_placements);
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

interface RollupRow {
  key: string;
  year: number;
  span: number;
  people: number;
  placements: number;
}

const EMPTY: FigureRow = { people: 0, placements: 0, previous_people: 0, previous_placements: 0 };

/** Rollup rows of one span, current and previous year side by side, per key. */
function byKey(rows: RollupRow[], span: RollupSpan, only?: string): Map<string, FigureRow> {
  const result = new Map<string, FigureRow>();
  for (const r of rows) {
    if (r.span !== span.span || (only !== undefined && r.key !== only)) continue;
    const row = result.get(r.key) ?? { ...EMPTY };
    if (r.year === span.year) {
      row.people += r.people;
      row.placements += r.placements;
    } else {
      row.previous_people += r.people;
      row.previous_placements += r.placements;
    }
    result.set(r.key, row);
  }
  return result;
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
