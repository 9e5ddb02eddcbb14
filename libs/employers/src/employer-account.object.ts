import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('EmployerAccount', { description: '代表用人单位办事的一个账号' })
export class EmployerAccountObject {
  @Field(() => ID)
  accountId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '登录手机号（遮挡，如 138****5678）' })
  phone: string;

  @Field(() => Boolean, { description: '单位管理员：可修改单位信息、添加账号' })
  isAdmin: boolean;

  @Field(() => Boolean, { description: '已绑定身份验证器（登录时还要输入动态码）' })
  secondFactorEnabled: boolean;

  @Field(() => Boolean, { description: '账号已停用' })
  disabled: boolean;

  @Field(() => Date, { description: '加入本单位的时间' })
  addedAt: Date;
}
