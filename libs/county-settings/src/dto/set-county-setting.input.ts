import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType('SetCountySettingInput')
export class SetCountySettingInput {
  @Field(() => String, { description: '县的区划代码（6 位）' })
  @Matches(/^\d{6}$/, { message: '县的区划代码应为 6 位数字，例如 450329' })
  countyCode: string;

  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: '配置项名称应为 1 到 80 个字符' })
  key: string;

  @Field(() => String, { description: '新取值（JSON），例如 ["LIFTED_OUT","MONITORED"]' })
  @IsString()
  @MaxLength(10000, { message: '取值过长（最多 10000 个字符）' })
  valueJson: string;
}
