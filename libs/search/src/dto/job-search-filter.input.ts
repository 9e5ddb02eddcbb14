import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { JobKind } from '@jobcode/jobs';

export const BENEFIT_VALUES = ['BOARD', 'LODGING', 'TRANSPORT', 'SOCIAL_INSURANCE'] as const;
export const SOURCE_KIND_VALUES = ['GIG_STATION', 'WORKSHOP', 'JOB_FAIR'] as const;

@InputType('JobSearchFilterInput', { description: '岗位搜索的筛选条件（都可不填）' })
export class JobSearchFilterInput {
  @Field(() => String, { nullable: true, description: '只看此区划（县、乡镇或村，含下级）内的岗位' })
  regionCode?: string;

  @Field(() => [JobKind], { nullable: true, description: '岗位类型（任一）' })
  @IsOptional()
  @ArrayMaxSize(5, { message: '岗位类型最多选 5 个' })
  @IsEnum(JobKind, { each: true, message: '岗位类型应为 FULL_TIME、PART_TIME、GIG、HOME_BASED 或 PUBLIC_WELFARE' })
  kinds?: JobKind[];

  @Field(() => Int, { nullable: true, description: '月工资至少（元；按天、按小时的工资折算为月工资比较）' })
  @IsOptional()
  @IsInt({ message: '最低月工资应为整数（元）' })
  @Min(0, { message: '最低月工资应在 0 到 100000 元之间' })
  @Max(100_000, { message: '最低月工资应在 0 到 100000 元之间' })
  minMonthlyWage?: number;

  @Field(() => [String], { nullable: true, description: '福利（全部都要）：BOARD 包吃、LODGING 包住、TRANSPORT 交通、SOCIAL_INSURANCE 社保' })
  @IsOptional()
  @ArrayMaxSize(4, { message: '福利最多选 4 个' })
  @IsIn(BENEFIT_VALUES, { each: true, message: '福利应为 BOARD、LODGING、TRANSPORT 或 SOCIAL_INSURANCE' })
  benefits?: string[];

  @Field(() => [String], { nullable: true, description: '岗位来源（任一）：GIG_STATION 零工站点、WORKSHOP 帮扶车间、JOB_FAIR 招聘会' })
  @IsOptional()
  @ArrayMaxSize(3, { message: '岗位来源最多选 3 个' })
  @IsIn(SOURCE_KIND_VALUES, { each: true, message: '岗位来源应为 GIG_STATION、WORKSHOP 或 JOB_FAIR' })
  sourceKinds?: string[];

  @Field(() => Int, { nullable: true, description: '只看最近多少天内发布的（1 到 365）' })
  @IsOptional()
  @IsInt({ message: '发布天数应为整数' })
  @Min(1, { message: '发布天数应在 1 到 365 之间' })
  @Max(365, { message: '发布天数应在 1 到 365 之间' })
  postedWithinDays?: number;

  @Field(() => Float, { nullable: true, description: '离 near 指定位置不超过多少公里（需同时提供 near）' })
  @IsOptional()
  @Min(0.1, { message: '距离应在 0.1 到 500 公里之间' })
  @Max(500, { message: '距离应在 0.1 到 500 公里之间' })
  withinKm?: number;
}
