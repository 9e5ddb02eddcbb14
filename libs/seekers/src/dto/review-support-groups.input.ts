import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('ReviewSupportGroupsInput', { description: '工作人员审核求职者本人自报的帮扶类别：确认的开始计入统计、补贴和公益岗资格，驳回的删除' })
export class ReviewSupportGroupsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'jobSeekerId 应为求职登记编号' })
  jobSeekerId: string;

  @Field(() => [String], { nullable: true, description: '核实无误、予以确认的类别代码' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '一次最多 20 个类别' })
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: '类别代码最多 40 个字符' })
  confirm?: string[];

  @Field(() => [String], { nullable: true, description: '核实不符、予以驳回的类别代码' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '一次最多 20 个类别' })
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: '类别代码最多 40 个字符' })
  reject?: string[];
}
