import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';

import { PeriodInput } from './period.input';

/** What every statistics query asks: a region (default: the caller's) and a period. */
@ArgsType()
export class DashboardArgs {
  @Field(() => String, { nullable: true, description: '区域（县、乡镇、村）区划代码；默认为本人管辖范围' })
  @IsOptional()
  @IsString()
  region?: string | null;

  @Field(() => PeriodInput)
  @ValidateNested()
  @Type(() => PeriodInput)
  period: PeriodInput;
}
