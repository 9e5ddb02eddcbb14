import { Field, ID, ObjectType } from '@nestjs/graphql';

import { AccountSetupStep, Role } from '@jobcode/common';
import { RegionObject } from '@jobcode/regions';

@ObjectType('Account', { description: '登录账号' })
export class AccountObject {
  @Field(() => ID)
  id: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '手机号；除本人和管理员外显示为 138****5678' })
  phone: string;

  @Field(() => RegionObject, { nullable: true, description: '工作人员的管辖区域' })
  region: RegionObject | null;

  @Field(() => Boolean, { description: '须先修改密码' })
  mustChangePassword: boolean;

  @Field(() => Boolean, { description: '已绑定身份验证器，登录时须输入动态码' })
  secondFactorEnabled: boolean;

  @Field(() => Boolean, { description: '账号已停用（不能登录）' })
  disabled: boolean;

  @Field(() => AccountSetupStep, { nullable: true, description: '须先完成的设置；完成前只能查看本人账号、改密码、绑定验证器、退出' })
  setupRequired: AccountSetupStep | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: '放在请求头 Authorization: Bearer <accessToken>' })
  accessToken: string;

  @Field(() => Date, { description: '此令牌的过期时间；会话未过期时可用 renewToken 续期' })
  expiresAt: Date;

  @Field(() => Date, { description: '会话的最终过期时间，之后须重新登录' })
  sessionExpiresAt: Date;

  @Field(() => AccountObject)
  account: AccountObject;
}
