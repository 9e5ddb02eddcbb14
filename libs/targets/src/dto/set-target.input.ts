import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, Max, Min } from 'class-validator';

import { TargetMetric } from '../target-metric';

@InputType('SetTargetInput', { description: '设定年度任务数；同一区域、年度、指标再次设定会覆盖' })
export class SetTargetInput {
  @Field(() => String, { description: '区域（县或乡镇）区划代码' })
  @IsString({ message: '请填写区域区划代码' })
  regionCode: string;

  @Field(() => Int)
  @IsInt({ message: '年度应为整数' })
  @Min(2000, { message: '年度应在 2000 到 2100 之间' })
  @Max(2100, { message: '年度应在 2000 到 2100 之间' })
  year: number;

  @Field(() => TargetMetric)
  @IsEnum(TargetMetric, { message: '指标取值不正确' })
  metric: TargetMetric;

  @Field(() => Int, { description: '任务数，正整数' })
  @IsInt({ message: '任务数应为整数' })
  @Min(1, { message: '任务数至少为 1' })
  @Max(10_000_000, { message: '任务数最多 10000000' })
  value: number;
}
