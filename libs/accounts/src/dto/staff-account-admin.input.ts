import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID } from 'class-validator';

@InputType('SetAccountDisabledInput')
export class SetAccountDisabledInput {
  @Field(() => ID, { description: '工作人员或管理员的账号编号（StaffAccount.id）' })
  @IsUUID('all', { message: '账号编号格式不正确' })
  accountId: string;

  @Field(() => Boolean, { description: 'true 停用（其所有登录随即结束，不能再登录），false 恢复' })
  @IsBoolean()
  disabled: boolean;
}

@InputType('ResetStaffPasswordInput')
export class ResetStaffPasswordInput {
  @Field(() => ID, { description: '工作人员或管理员的账号编号（StaffAccount.id）' })
  @IsUUID('all', { message: '账号编号格式不正确' })
  accountId: string;

  @Field(() => String, { description: '临时密码：当面或电话告诉本人，登录后须立即修改' })
  @IsString()
  password: string;
}

@InputType('SetStaffRegionInput')
export class SetStaffRegionInput {
  @Field(() => ID, { description: '工作人员的账号编号（StaffAccount.id）' })
  @IsUUID('all', { message: '账号编号格式不正确' })
  accountId: string;

  @Field(() => String, { description: '新的管辖区域：县、乡镇或村的区划代码' })
  @IsString()
  regionCode: string;
}
