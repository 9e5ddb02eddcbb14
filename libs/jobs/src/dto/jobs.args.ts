import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';

import { PageArgs } from '@jobcode/common';

import { JobKind, JobStatus } from '../job.enums';

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '只看此区划（含下级）内的岗位' })
  regionCode?: string;

  @Field(() => JobKind, { nullable: true })
  @IsOptional()
  @IsEnum(JobKind)
  kind?: JobKind;

  @Field(() => JobStatus, { nullable: true, description: '求职者和未登录用户只能看到 OPEN 的岗位' })
  @IsOptional()
  @IsEnum(JobStatus)
  status?: JobStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '零工站点编号格式不正确' })
  stationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '车间编号格式不正确' })
  workshopId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '招聘会编号格式不正确' })
  fairId?: string;

  @Field(() => Boolean, { nullable: true, description: '工作人员：只看被标记需要复核的岗位（如有年龄限制）' })
  flagged?: boolean;
}

@ArgsType()
export class SourceJobsArgs extends PageArgs {}
