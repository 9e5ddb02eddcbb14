import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString } from 'class-validator';

import { SubsidyKind } from '../subsidy.object';

@ArgsType()
export class SubsidyEligibilityArgs {
  @Field(() => SubsidyKind)
  @IsEnum(SubsidyKind, { message: '补贴种类取值不正确' })
  kind: SubsidyKind;

  @Field(() => Int, { description: '年度' })
  @IsInt({ message: '年度应为整数' })
  year: number;

  @Field(() => String, { nullable: true, description: '县、乡镇或村区划代码；默认为本人管辖区域' })
  @IsOptional()
  @IsString()
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '判定日期 YYYY-MM-DD；默认今天（往年为 12 月 31 日）' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '判定日期应为 YYYY-MM-DD 格式' })
  asOf?: string | null;
}
