import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType('VerifyEmployerInput')
export class VerifyEmployerInput {
  @Field(() => ID)
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId: string;
}

@InputType('RejectEmployerInput')
export class RejectEmployerInput {
  @Field(() => ID)
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId: string;

  @Field(() => String, { description: '不通过的原因，单位会看到，请写明需要补充或更正什么' })
  @IsString()
  @Length(2, 200, { message: '请填写不通过的原因（2 到 200 个字）' })
  reason: string;
}

@InputType('LinkEmployerAccountInput')
export class LinkEmployerAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId: string;

  @Field(() => String, { description: '已注册的用人单位账号的手机号' })
  @IsString()
  accountPhone: string;
}
