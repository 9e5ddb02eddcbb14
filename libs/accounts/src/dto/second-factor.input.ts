import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType('ConfirmSecondFactorInput')
export class ConfirmSecondFactorInput {
  @Field(() => String, { description: '当前密码（只凭登录令牌不能绑定，防止令牌被盗后换绑）' })
  @IsString()
  @MaxLength(64, { message: '密码最长 64 位' })
  currentPassword: string;

  @Field(() => String, { description: '验证器上当前显示的 6 位动态码' })
  @Matches(/^\d{6}$/, { message: '动态码应为 6 位数字' })
  oneTimeCode: string;
}

@InputType('ResetSecondFactorInput')
export class ResetSecondFactorInput {
  @Field(() => ID)
  @IsUUID('all', { message: '账号编号格式不正确' })
  accountId: string;
}
