import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';

import { Role } from '@jobcode/common';

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String, { description: '手机号（登录名）' })
  @IsString()
  phone: string;

  @Field(() => String, { description: '8–64 位，含字母和数字' })
  @IsString()
  password: string;

  @Field(() => String, { description: '姓名或单位联系人' })
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => Role, { description: '求职者 SEEKER 或用人单位 EMPLOYER；工作人员账号由管理员创建' })
  @IsIn([Role.SEEKER, Role.EMPLOYER], { message: '自行注册只能选择求职者或用人单位' })
  role: Role;
}
