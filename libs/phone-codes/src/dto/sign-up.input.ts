import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { Role } from '@jobcode/common';

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String, { description: '手机号（登录名）；须先用 requestPhoneCode（用途 SIGN_UP）获取验证码' })
  @IsString()
  @MaxLength(20, { message: '手机号格式不正确' })
  phone: string;

  @Field(() => String, { description: '手机收到的 6 位验证码' })
  @Matches(/^\s*\d{6}\s*$/, { message: '验证码应为 6 位数字' })
  code: string;

  @Field(() => String, { nullable: true, description: '可不设：8–64 位，含字母和数字；不设密码时用手机号 + 验证码登录' })
  @IsOptional()
  @IsString()
  password?: string;

  @Field(() => String, { description: '姓名或单位联系人' })
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => Role, { description: '求职者 SEEKER 或用人单位 EMPLOYER；工作人员账号由管理员创建' })
  @IsIn([Role.SEEKER, Role.EMPLOYER], { message: '自行注册只能选择求职者或用人单位' })
  role: Role;
}
