import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString } from 'class-validator';

@InputType('PeriodInput', { description: '统计期：填年份，或填起止日期（含首尾）；同比为上年同期' })
export class PeriodInput {
  @Field(() => Int, { nullable: true, description: '年份，例如 2026' })
  @IsOptional()
  @IsInt({ message: '年份应为整数' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: '起始日期 YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => String, { nullable: true, description: '截止日期 YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  to?: string | null;
}
