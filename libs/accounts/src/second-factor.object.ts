import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SecondFactorEnrolment', { description: '绑定身份验证器：用验证器 App（如腾讯身份验证器、Google Authenticator）扫描二维码，再输入一次动态码确认' })
export class SecondFactorEnrolmentObject {
  @Field(() => String, { description: '密钥（无法扫码时手动输入）' })
  secret: string;

  @Field(() => String, { description: 'otpauth:// 链接' })
  otpauthUri: string;

  @Field(() => String, { description: '二维码 SVG' })
  qrSvg: string;
}
