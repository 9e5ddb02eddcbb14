import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@InputType('SignInWithPhoneCodeInput')
export class SignInWithPhoneCodeInput {
  @Field(() => String)
  @IsString()
  @MaxLength(20, { message: '手机号格式不正确' })
  phone: string;

  @Field(() => String, { description: '手机收到的 6 位验证码（用途 SIGN_IN）' })
  @Matches(/^\s*\d{6}\s*$/, { message: '验证码应为 6 位数字' })
  code: string;
}
