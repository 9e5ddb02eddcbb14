import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { FollowUpWay } from '../follow-up.entity';

@InputType('RecordFollowUpInput', { description: '登记一次跟踪服务（走访或电话回访）' })
export class RecordFollowUpInput {
  @Field(() => ID)
  @IsUUID('all', { message: '求职者 id 格式不正确' })
  jobSeekerId: string;

  @Field(() => ID, { nullable: true, description: '回访所关于的务工记录（若有）' })
  @IsOptional()
  @IsUUID('all', { message: '务工记录 id 格式不正确' })
  placementId?: string | null;

  @Field(() => String, { description: '回访日期 YYYY-MM-DD，不能晚于今天' })
  @IsISO8601({ strict: true }, { message: '回访日期应为 YYYY-MM-DD 格式' })
  visitedOn: string;

  @Field(() => FollowUpWay)
  @IsEnum(FollowUpWay, { message: '回访方式应为 VISIT（上门走访）、PHONE（电话）或 WECHAT（微信）' })
  way: FollowUpWay;

  @Field(() => Boolean, { nullable: true, description: '是否仍在务工；不清楚时留空' })
  @IsOptional()
  @IsBoolean()
  stillEmployed?: boolean | null;

  @Field(() => Int, { nullable: true, description: '月收入（元）' })
  @IsOptional()
  @IsInt({ message: '月收入应为整数（元）' })
  @Min(0, { message: '月收入不能为负数' })
  @Max(200000, { message: '月收入最多 200000 元' })
  monthlyIncome?: number | null;

  @Field(() => String, { nullable: true, description: '需求，例如“想参加电商培训”' })
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: '需求最多 500 字' })
  needs?: string | null;

  @Field(() => String, { nullable: true, description: '下一步安排' })
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: '下一步安排最多 500 字' })
  nextStep?: string | null;
}
