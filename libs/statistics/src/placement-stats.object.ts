import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import { StatsGroupBy } from './stats-group-by';

@ObjectType('StatPeriod')
export class StatPeriodObject {
  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;
}

@ObjectType('PlacementFigure', { description: '一个数字及其上年同期和同比变化' })
export class PlacementFigureObject {
  @Field(() => Int, { description: '人数（按人计，一人多段务工只计一次）' })
  people: number;

  @Field(() => Int, { description: '务工记录条数（按次计）' })
  placements: number;

  @Field(() => Int, { description: '上年同期人数' })
  previousPeople: number;

  @Field(() => Int, { description: '上年同期务工记录条数' })
  previousPlacements: number;

  @Field(() => Float, { nullable: true, description: '人数同比变化（%，两位小数）；上年同期为 0 时为空' })
  changePercent: number | null;
}

@ObjectType('PlacementStatsGroup')
export class PlacementStatsGroupObject extends PlacementFigureObject {
  @Field(() => String, { description: '分组取值：Destination、帮扶类别代码、PlacementSource、乡镇区划代码、YYYY-MM 或用人单位 id（NONE 表示无）' })
  key: string;

  @Field(() => String, { description: '分组的中文名称' })
  label: string;
}

@ObjectType('PlacementStats', { description: '务工统计：本期与上年同期，按户籍地计入区域' })
export class PlacementStatsObject {
  @Field(() => String, { description: '统计口径' })
  definition: string;

  @Field(() => String, { nullable: true, description: '统计区域区划代码；为空表示全部' })
  regionCode: string | null;

  @Field(() => String, { description: '统计区域名称' })
  regionName: string;

  @Field(() => StatPeriodObject)
  period: StatPeriodObject;

  @Field(() => StatPeriodObject, { description: '上年同期' })
  previousPeriod: StatPeriodObject;

  @Field(() => StatsGroupBy, { nullable: true })
  groupBy: StatsGroupBy | null;

  @Field(() => String, { nullable: true, description: '只统计的帮扶人员类别' })
  supportGroup: string | null;

  @Field(() => PlacementFigureObject, { description: '合计（人数不是各组之和：一人可在多个分组）' })
  total: PlacementFigureObject;

  @Field(() => [PlacementStatsGroupObject])
  groups: PlacementStatsGroupObject[];
}
