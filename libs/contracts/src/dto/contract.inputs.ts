import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

import { IsCalendarDate } from '@jobcode/common';

import { ContractTermsInput } from './contract-terms.input';

const SHA256 = /^[0-9a-f]{64}$/;

@InputType('OfferContractInput')
export class OfferContractInput {
  @Field(() => ID, { description: '已入选或已发录用意向的报名' })
  @IsUUID('all', { message: 'applicationId 应为报名编号' })
  applicationId: string;

  @Field(() => ContractTermsInput)
  @ValidateNested()
  @Type(() => ContractTermsInput)
  terms: ContractTermsInput;

  @Field(() => String, {
    nullable: true,
    description: '用人单位的法定代表人或主要负责人：单位信息里还没有时须填写（随后记入单位信息），合同写明它（劳动合同法第十七条）',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: '法定代表人姓名应为 1 到 50 个字' })
  legalRepresentative?: string | null;
}

@InputType('ContractIdInput')
export class ContractIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId: string;
}

@InputType('SignContractInput')
export class SignContractInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId: string;

  @Field(() => String, { description: '本人姓名（与求职登记一致）' })
  @MinLength(1, { message: '请填写本人姓名' })
  @MaxLength(50, { message: '姓名最多 50 字' })
  name: string;

  @Field(() => String, { description: '本人身份证号后六位' })
  @Matches(/^\d{5}[\dXx]$/, { message: '请填写身份证号后六位（最后一位可以是 X）' })
  idNumberLast6: string;

  @Field(() => String, { description: '手机收到的 6 位签署验证码' })
  @Matches(/^\d{6}$/, { message: '验证码是 6 位数字' })
  code: string;

  @Field(() => String, { description: '所签合同内容的 SHA-256（来自 contract.contentDigest），确保签的是看到的那一份' })
  @Matches(SHA256, { message: 'digest 应为 64 位小写十六进制的 SHA-256' })
  digest: string;

  @Field(() => Boolean, { description: '本人已阅读并同意合同全部条款' })
  @IsBoolean({ message: 'confirmTerms 应为 true' })
  @Equals(true, { message: '请先阅读合同并勾选“我已阅读并同意合同条款”' })
  confirmTerms: boolean;
}

@InputType('CountersignContractInput')
export class CountersignContractInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId: string;

  @Field(() => String, { description: '所签合同内容的 SHA-256' })
  @Matches(SHA256, { message: 'digest 应为 64 位小写十六进制的 SHA-256' })
  digest: string;
}

@InputType('CloseContractInput')
export class CloseContractInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId: string;

  @Field(() => String, { description: '原因' })
  @MinLength(2, { message: '请填写原因' })
  @MaxLength(200, { message: '原因最多 200 字' })
  reason: string;
}

@InputType('EndContractInput')
export class EndContractInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId: string;

  @Field(() => String, { description: '终止日期 YYYY-MM-DD' })
  @IsCalendarDate({ message: '终止日期应为 YYYY-MM-DD' })
  endDate: string;

  @Field(() => String, { description: '终止原因' })
  @MinLength(2, { message: '请填写终止原因' })
  @MaxLength(200, { message: '原因最多 200 字' })
  reason: string;
}

@InputType('VerifyContractInput')
export class VerifyContractInput {
  @Field(() => ID, { nullable: true, description: '合同编号；或填 token' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId 应为合同编号' })
  contractId?: string;

  @Field(() => String, { nullable: true, description: '合同就业服务码的 token（扫码所得）' })
  @IsOptional()
  @MaxLength(100, { message: 'token 过长' })
  token?: string;

  @Field(() => String, { description: '要核验的 SHA-256：合同内容摘要或 PDF 文件的摘要' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'digest 应为 64 位十六进制的 SHA-256' })
  digest: string;
}
