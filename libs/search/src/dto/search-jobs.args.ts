import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

import { GeoPointInput, PageArgs } from '@jobcode/common';

import { JobSearchSort } from '../engine/job-search.model';
import { JobSearchFilterInput } from './job-search-filter.input';

@ArgsType()
export class SearchJobsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '搜索词：中文（缝纫、服务员）、拼音（fengren）或拼音首字母（frg）' })
  @IsOptional()
  @MaxLength(50, { message: '搜索词最多 50 个字' })
  query?: string;

  @Field(() => JobSearchFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobSearchFilterInput)
  filter?: JobSearchFilterInput;

  @Field(() => GeoPointInput, { nullable: true, description: '从这个位置算距离（零工站点或求职者的位置）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  near?: GeoPointInput;

  @Field(() => JobSearchSort, { nullable: true, description: '排序：默认按相关度；DISTANCE 需要 near' })
  @IsOptional()
  @IsEnum(JobSearchSort, { message: '排序应为 RELEVANCE、DISTANCE、WAGE 或 NEWEST' })
  sort?: JobSearchSort;
}
