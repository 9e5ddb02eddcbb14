import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import { TargetMetric } from './target-metric';

@ObjectType('TargetProgress', { description: '年度任务完成情况' })
export class TargetProgressObject {
  @Field(() => String)
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => TargetMetric)
  metric: TargetMetric;

  @Field(() => String, { description: '指标名称' })
  label: string;

  @Field(() => String, { description: '统计口径' })
  definition: string;

  @Field(() => Int, { nullable: true, description: '任务数；未设定时为空' })
  target: number | null;

  @Field(() => Int, { description: '已完成数' })
  count: number;

  @Field(() => Float, { nullable: true, description: '完成率（%，两位小数），例如 113.14；未设定任务数时为空' })
  completionPercent: number | null;
}
