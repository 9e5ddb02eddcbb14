import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';

import { StatsGroupBy } from '../stats-group-by';
import { DashboardArgs } from './dashboard.args';

@ArgsType()
export class PlacementStatsArgs extends DashboardArgs {
  @Field(() => StatsGroupBy, { nullable: true, description: '分组方式；不填只给合计' })
  @IsOptional()
  @IsEnum(StatsGroupBy, { message: '分组方式取值不正确' })
  groupBy?: StatsGroupBy | null;

  @Field(() => String, { nullable: true, description: '只统计某一帮扶人员类别，例如 LIFTED_OUT（脱贫人口）' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: '帮扶人员类别代码应为大写字母、数字和下划线，例如 LIFTED_OUT' })
  supportGroup?: string | null;
}
