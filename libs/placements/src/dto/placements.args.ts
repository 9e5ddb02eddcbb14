import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

import { PageArgs } from '@jobcode/common';

@ArgsType()
export class PlacementsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '户籍所在区域（乡镇、村）区划代码；默认为本人管辖范围' })
  @IsOptional()
  @IsString()
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: '只看某位求职者' })
  @IsOptional()
  @IsString()
  jobSeekerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看今天在岗的' })
  @IsOptional()
  @IsBoolean()
  currentOnly?: boolean | null;
}
