import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType('SignInInput')
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(20, { message: '手机号格式不正确' })
  phone: string;

  @Field(() => String)
  @IsString()
  @MaxLength(64, { message: '密码最长 64 位' })
  password: string;

  @Field(() => String, { nullable: true, description: '已绑定身份验证器的账号：验证器上当前的 6 位动态码' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '动态码应为 6 位数字' })
  oneTimeCode?: string;
}
