import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';

import { JobSearchFilterInput } from '@jobcode/search';

@InputType('SaveJobSearchInput')
export class SaveJobSearchInput {
  @Field(() => String, { description: '给这个搜索起个名字，如“瓜里乡缝纫工”' })
  @Length(1, 30, { message: '名称应为 1 到 30 个字' })
  name: string;

  @Field(() => String, { nullable: true, description: '搜索词：中文、拼音或拼音首字母' })
  @IsOptional()
  @MaxLength(50, { message: '搜索词最多 50 个字' })
  query?: string;

  @Field(() => JobSearchFilterInput, { nullable: true, description: '筛选条件（按距离筛选不能保存）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobSearchFilterInput)
  filter?: JobSearchFilterInput;
}

@InputType('DeleteSavedSearchInput')
export class DeleteSavedSearchInput {
  @Field(() => ID)
  @IsUUID('all', { message: '保存的搜索编号格式不正确' })
  savedSearchId: string;
}
