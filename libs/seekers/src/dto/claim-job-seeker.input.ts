import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@InputType('ClaimJobSeekerInput', {
  description: '认领工作人员代为登记的求职信息：核对姓名、身份证号，以及发到登记手机号上的短信验证码（requestPhoneCode 用途 CLAIM）',
})
export class ClaimJobSeekerInput {
  @Field(() => String)
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => String)
  @IsString({ message: '请填写身份证号' })
  idNumber: string;

  @Field(() => String, { description: '发到登记时所留手机号的 6 位验证码（用途 CLAIM）' })
  @Matches(/^\s*\d{6}\s*$/, { message: '验证码应为 6 位数字' })
  code: string;
}
