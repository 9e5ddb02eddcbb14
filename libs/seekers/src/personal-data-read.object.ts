import { Field, ObjectType } from '@nestjs/graphql';

import { Role } from '@jobcode/common';

@ObjectType('PersonalDataRead', { description: '一次查看完整身份证号或手机号的记录' })
export class PersonalDataReadObject {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'ID_NUMBER 身份证号 或 PHONE 手机号' })
  field: string;

  @Field(() => String, { description: '查看时说明的用途' })
  purpose: string;

  @Field(() => String, { description: '通过哪个功能查看，例如 JobSeeker.idNumber、GET /seekers/export' })
  channel: string;

  @Field(() => Role, { description: '查看人的角色' })
  readerRole: Role;

  @Field(() => String, { description: '查看人的账号 id' })
  readerAccountId: string;
}
