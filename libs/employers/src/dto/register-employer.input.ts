import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@InputType('RegisterEmployerInput')
export class RegisterEmployerInput {
  @Field(() => String, { description: '单位全称，与营业执照一致' })
  @IsString()
  @Length(2, 100, { message: '单位名称应为 2 到 100 个字' })
  name: string;

  @Field(() => String, { description: '统一社会信用代码（18 位，见营业执照）' })
  @IsString()
  creditCode: string;

  @Field(() => String)
  @IsString()
  @Length(1, 50, { message: '联系人姓名应为 1 到 50 个字' })
  contactName: string;

  @Field(() => String, { description: '联系人手机号' })
  @IsString()
  contactPhone: string;

  @Field(() => String, { description: '单位所在的乡镇或村的区划代码' })
  @IsString()
  regionCode: string;

  @Field(() => String)
  @IsString()
  @Length(2, 200, { message: '地址应为 2 到 200 个字' })
  address: string;

  @Field(() => String, { nullable: true, description: '法定代表人或主要负责人（见营业执照）；发出劳动合同前须填写' })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: '法定代表人姓名应为 1 到 50 个字' })
  legalRepresentative?: string | null;
}
