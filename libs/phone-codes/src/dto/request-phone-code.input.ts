import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';

import { PhoneCodePurpose } from '../phone-code-purpose';

@InputType('RequestPhoneCodeInput')
export class RequestPhoneCodeInput {
  @Field(() => String, { description: '接收验证码的手机号' })
  @IsString()
  @MaxLength(20, { message: '手机号格式不正确' })
  phone: string;

  @Field(() => PhoneCodePurpose, { description: '用途：注册、登录或认领求职登记' })
  @IsEnum(PhoneCodePurpose, { message: '请选择验证码用途' })
  purpose: PhoneCodePurpose;
}

@ObjectType('RequestPhoneCodePayload', { description: '无论此手机号是否已注册，回答都相同' })
export class RequestPhoneCodePayload {
  @Field(() => Boolean, { description: '已受理：验证码已发往此手机号' })
  sent: boolean;

  @Field(() => Date, { description: '验证码的过期时间' })
  expiresAt: Date;

  @Field(() => Number, { description: '多少秒后可以重新获取' })
  resendAfterSeconds: number;
}
