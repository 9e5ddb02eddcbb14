import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

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
}
