import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

/**
 * A company's details, changed by its own administrator outside an offer. Only the fields
 * sent are changed. The name, credit code and region are what the county verified: they may
 * be corrected only while the company is not (yet) verified.
 */
@InputType('UpdateEmployerInput')
export class UpdateEmployerInput {
  @Field(() => ID)
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId: string;

  @Field(() => String, { nullable: true, description: '单位全称；审核通过后不能自行修改' })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: '单位名称应为 2 到 100 个字' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码；审核通过后不能自行修改' })
  @IsOptional()
  @IsString()
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: '单位所在的乡镇或村的区划代码；审核通过后不能自行修改' })
  @IsOptional()
  @IsString()
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '详细地址' })
  @IsOptional()
  @IsString()
  @Length(2, 200, { message: '地址应为 2 到 200 个字' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '法定代表人或主要负责人（见营业执照）' })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: '法定代表人姓名应为 1 到 50 个字' })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: '联系人姓名应为 1 到 50 个字' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: '联系人手机号' })
  @IsOptional()
  @IsString()
  contactPhone?: string | null;
}
