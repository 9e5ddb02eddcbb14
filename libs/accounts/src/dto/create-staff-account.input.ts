import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';

import { Role } from '@jobcode/common';

@InputType('CreateStaffAccountInput')
export class CreateStaffAccountInput {
  @Field(() => String)
  @IsString()
  phone: string;

  @Field(() => String)
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => String, { description: '初始密码；首次登录后须修改' })
  @IsString()
  password: string;

  @Field(() => Role, { defaultValue: Role.STAFF })
  @IsIn([Role.STAFF, Role.ADMIN], { message: '这里只能创建工作人员或管理员账号' })
  role: Role;

  @Field(() => String, { nullable: true, description: '工作人员的管辖区域（村、乡镇或县的区划代码）；管理员不填' })
  regionCode?: string;
}
