import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, RegionLevel } from '@jobcode/common';
import { Destination, PlacementSource } from '@jobcode/placements';
import { RegionScope, RegionsService } from '@jobcode/regions';
import { completionPercent, PLACEMENT_DEFINITION, StatisticsService } from '@jobcode/statistics';

import { SetTargetInput } from './dto/set-target.input';
import { type TargetProgressObject } from './target-progress.object';
import { TARGET_METRIC_LABEL, TargetMetric } from './target-metric';
import { Target } from './target.entity';

type PlacementFilter = { source?: PlacementSource; destination?: Destination; supportGroup?: string };

/** What each placement metric counts: people (not placements) working in the year, by home region. */
const PLACEMENT_METRICS: Partial<Record<TargetMetric, { filter: PlacementFilter; what: string }>> = {
  PUBLIC_WELFARE_PLACEMENTS: { filter: { source: PlacementSource.PUBLIC_WELFARE }, what: '在公益性岗位上岗的人数' },
  IN_COUNTY_PLACEMENTS: { filter: { destination: Destination.IN_COUNTY }, what: '在县内务工的人数' },
  IN_PROVINCE_PLACEMENTS: { filter: { destination: Destination.IN_PROVINCE }, what: '在区内县外务工的人数' },
  OUT_OF_PROVINCE_PLACEMENTS: { filter: { destination: Destination.OUT_OF_PROVINCE }, what: '在区外务工的人数' },
  LIFTED_OUT_PLACEMENTS: { filter: { supportGroup: 'LIFTED_OUT' }, what: '脱贫人口中有务工的人数' },
  MONITORED_PLACEMENTS: { filter: { supportGroup: 'MONITORED' }, what: '防止返贫监测对象中有务工的人数' },
};

const WORKSHOP_DEFINITION = '当年认定（认定日期在该年内）、所在地在该区域内的就业帮扶车间个数，含之后被撤销认定的';

/** Annual targets (年度任务数) per region and metric, and their completion from the data. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly regions: RegionsService,
    private readonly statistics: StatisticsService,
  ) {}

  async set(actor: Actor, input: SetTargetInput): Promise<TargetProgressObject> {
    const region = await this.regions.require(input.regionCode, 'input.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
    await this.scope.assertCovers(actor, region.code);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Target)
      .values({ regionCode: region.code, year: input.year, metric: input.metric, value: input.value, setBy: actor.accountId })
      .orUpdate(['value', 'set_by', 'updated_at'], ['region_code', 'year', 'metric'])
      .execute();
    return this.progressOf(region.code, input.year, input.metric, input.value);
  }

  /** Every metric of a region and year: its target (if set), the count and the completion rate. */
  async progress(actor: Actor, regionCode: string | null | undefined, year: number): Promise<TargetProgressObject[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('年度应在 2000 到 2100 之间', { field: 'year' });
    const region = regionCode ? (await this.regions.require(regionCode, 'regionCode')).code : this.scope.prefixOf(actor);
    if (!region) throw badInput('请指定要查看的区域（区划代码）', { field: 'regionCode' });
    await this.scope.assertCovers(actor, region);
    const targets = await this.dataSource.manager.find(Target, { where: { regionCode: region, year } });
    const byMetric = new Map(targets.map((t) => [t.metric, t.value]));
    const result: TargetProgressObject[] = [];
    for (const metric of Object.values(TargetMetric)) result.push(await this.progressOf(region, year, metric, byMetric.get(metric) ?? null));
    return result;
  }

  private async progressOf(region: string, year: number, metric: TargetMetric, target: number | null): Promise<TargetProgressObject> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const placement = PLACEMENT_METRICS[metric];
    let count: number;
    let definition: string;
    if (placement) {
      count = await this.statistics.countPeople(region, from, to, placement.filter);
      definition = `${year} 年内${placement.what}。${PLACEMENT_DEFINITION}`;
    } else {
      const [row] = (await this.dataSource.query(
        `SELECT count(*)::int AS n FROM workshop WHERE region_code LIKE $1 AND status <> 'PENDING' AND certified_on BETWEEN $2::date AND $3::date`,
        [`${region}%`, from, to],
      )) as { n: number }[];
      count = row.n;
      definition = WORKSHOP_DEFINITION;
    }
    return {
      regionCode: region,
      year,
      metric,
      label: TARGET_METRIC_LABEL[metric],
      definition,
      target,
      count,
      completionPercent: target ? completionPercent(count, target) : null,
    };
  }
}
