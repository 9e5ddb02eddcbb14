import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

import { PageArgs } from '@jobcode/common';

import { EmploymentStatus, LaborCapacity } from '../job-seeker.enums';

@InputType('JobSeekerFilter')
export class JobSeekerFilter {
  @Field(() => String, { nullable: true, description: '区划代码：该区域及其下级的求职者；默认为本人管辖范围' })
  @IsOptional()
  @IsString()
  regionCode?: string;

  @Field(() => String, { nullable: true, description: '帮扶人员类别代码' })
  @IsOptional()
  @IsString()
  supportGroup?: string;

  @Field(() => LaborCapacity, { nullable: true })
  @IsOptional()
  @IsEnum(LaborCapacity, { message: '劳动能力应为 FULL、WEAK 或 NONE' })
  laborCapacity?: LaborCapacity;

  @Field(() => EmploymentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EmploymentStatus, { message: '就业状态应为 UNKNOWN、EMPLOYED 或 UNEMPLOYED' })
  employmentStatus?: EmploymentStatus;

  @Field(() => Boolean, { nullable: true, description: 'true：有培训意愿的；false：没有的' })
  @IsOptional()
  @IsBoolean()
  wantsTraining?: boolean;

  @Field(() => Boolean, { nullable: true, description: '为 true 时只列本人自报了帮扶类别、等待工作人员确认的求职者（reviewSupportGroups 审核）' })
  @IsOptional()
  @IsBoolean()
  awaitingGroupConfirmation?: boolean;

  @Field(() => String, { nullable: true, description: '姓名（前几个字）' })
  @IsOptional()
  @IsString()
  name?: string;

  @Field(() => String, { nullable: true, description: '18 位身份证号：查找此人是否已登记（精确匹配，限本人管辖范围）' })
  @IsOptional()
  @IsString()
  idNumber?: string;
}

@ArgsType()
export class JobSeekersArgs extends PageArgs {
  @Field(() => JobSeekerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobSeekerFilter)
  filter?: JobSeekerFilter;
}
