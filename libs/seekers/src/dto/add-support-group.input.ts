import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

import { SUPPORT_GROUP_CODE_PATTERN } from '../support-groups';

@InputType('AddSupportGroupInput', { description: '县里自设的帮扶人员类别' })
export class AddSupportGroupInput {
  @Field(() => String, { description: '县的 6 位区划代码' })
  @IsString()
  countyCode: string;

  @Field(() => String, { description: '类别代码：大写字母开头，只含大写字母、数字和下划线，例如 ZY_FOREST_RANGER' })
  @Matches(SUPPORT_GROUP_CODE_PATTERN, { message: '类别代码应以大写字母开头，只含大写字母、数字和下划线，2 到 40 位' })
  code: string;

  @Field(() => String, { description: '中文名称，例如 生态护林员' })
  @IsString()
  @Length(1, 40, { message: '类别名称应为 1 到 40 个字' })
  name: string;
}
