import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { WageUnit } from '@jobcode/jobs';

import { ContractStatus, ContractTermKind } from './contract.enums';
import { ContractSignerKind } from './signers/contract-signer';

@ObjectType('ContractTerms')
export class ContractTermsObject {
  @Field(() => Float)
  wage: number;

  @Field(() => WageUnit)
  wageUnit: WageUnit;

  @Field(() => String)
  startDate: string;

  @Field(() => ContractTermKind)
  termKind: ContractTermKind;

  @Field(() => String, { nullable: true })
  endDate: string | null;

  @Field(() => String, { nullable: true })
  task: string | null;

  @Field(() => String)
  workplace: string;

  @Field(() => String)
  workplaceRegionCode: string;

  @Field(() => String)
  workingHours: string;

  @Field(() => String)
  duties: string;

  @Field(() => Int)
  probationMonths: number;

  @Field(() => Boolean)
  socialInsurance: boolean;
}

@ObjectType('ContractSignature', { description: '一方的签署：谁、何时、如何核验身份、签的是哪个摘要' })
export class ContractSignatureObject {
  @Field(() => String, { description: 'SEEKER 或 EMPLOYER' })
  party: string;

  @Field(() => ID)
  accountId: string;

  @Field(() => String)
  identityCheck: string;

  @Field(() => String)
  digest: string;

  @Field(() => Date)
  signedAt: Date;
}

@ObjectType('Contract', { description: '劳动合同（在线签约）' })
export class ContractObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => String)
  templateVersion: string;

  @Field(() => String)
  employerName: string;

  @Field(() => String, { description: '劳动者姓名（脱敏）' })
  seekerMaskedName: string;

  @Field(() => ContractTermsObject)
  terms: ContractTermsObject;

  @Field(() => String, { description: '合同内容（规范化 JSON）的 SHA-256：签署时须提交此值' })
  contentDigest: string;

  @Field(() => String, { description: '合同正文 PDF 的 SHA-256' })
  pdfDigest: string;

  @Field(() => String, { nullable: true, description: '生效后封存的 PDF（含审计页）的 SHA-256' })
  sealedPdfDigest: string | null;

  @Field(() => String, { description: '下载 PDF 的地址（免费、随时可下载）' })
  pdfPath: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  seekerSignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  activatedAt: Date | null;

  @Field(() => String, { nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true })
  closingReason: string | null;
}

export enum MatchedDigest {
  CONTENT = 'CONTENT',
  PDF = 'PDF',
  SEALED_PDF = 'SEALED_PDF',
}
registerEnumType(MatchedDigest, {
  name: 'MatchedDigest',
  valuesMap: { CONTENT: { description: '合同内容摘要' }, PDF: { description: '合同正文 PDF' }, SEALED_PDF: { description: '封存的 PDF（含审计页）' } },
});

@ObjectType('ContractVerification', { description: '扫码核验合同：状态、脱敏的双方、日期、摘要和核验结果（不含个人信息）' })
export class ContractVerificationObject {
  @Field(() => ID)
  contractId: string;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => String)
  employerName: string;

  @Field(() => String)
  seekerMaskedName: string;

  @Field(() => String)
  jobTitle: string;

  @Field(() => String)
  startDate: string;

  @Field(() => String, { nullable: true })
  endDate: string | null;

  @Field(() => Date, { nullable: true })
  seekerSignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  activatedAt: Date | null;

  @Field(() => String)
  contentDigest: string;

  @Field(() => String)
  pdfDigest: string;

  @Field(() => String, { nullable: true })
  sealedPdfDigest: string | null;

  @Field(() => ContractSignerKind, { nullable: true, description: '封存方式（生效后才有）' })
  sealedBy: ContractSignerKind | null;

  @Field(() => String, { nullable: true, description: 'PADES 封存时签名证书的主题（如 CN=…,O=…,C=CN）' })
  signingCertificateSubject: string | null;

  @Field(() => String, { nullable: true, description: 'PADES 封存时签名证书的 SHA-256 指纹，可与 PDF 阅读器显示的证书比对' })
  signingCertificateSha256: string | null;

  @Field(() => Boolean, { description: '存储的合同内容与其摘要相符' })
  contentValid: boolean;

  @Field(() => Boolean, { description: '事件哈希链完整（无事件被改动或删除）' })
  chainValid: boolean;

  @Field(() => Boolean, { description: '封存的 PDF 与其摘要相符（未生效的合同为 true）' })
  sealValid: boolean;

  @Field(() => Boolean, { description: '平台存储的合同记录本身完整（以上全部通过）；与所核验的文件是否一致无关，见 ContractDigestCheck.result' })
  valid: boolean;
}

/** What checking one file (or digest) against a contract found: the answer a page shows first. */
export enum ContractFileCheckResult {
  SEALED_ORIGINAL = 'SEALED_ORIGINAL',
  MATCHES_UNSEALED = 'MATCHES_UNSEALED',
  MISMATCH = 'MISMATCH',
  RECORD_DAMAGED = 'RECORD_DAMAGED',
}
registerEnumType(ContractFileCheckResult, {
  name: 'ContractFileCheckResult',
  description: '所核验的这份文件（或摘要）与合同的关系',
  valuesMap: {
    SEALED_ORIGINAL: { description: '就是平台封存的合同文件，未被改动' },
    MATCHES_UNSEALED: { description: '与合同内容或签署前的正文 PDF 一致，但不是封存后的文件' },
    MISMATCH: { description: '与这份合同不一致：文件被改动过，或不是这份合同' },
    RECORD_DAMAGED: { description: '与记录一致，但平台上的合同记录核验未通过' },
  },
});

@ObjectType('ContractDigestCheck', { description: '核验一个文件（或摘要）是否为平台上这份合同的：先看 result 和 message' })
export class ContractDigestCheckObject {
  @Field(() => ContractFileCheckResult, { description: '这份文件的核验结论（页面应首先显示它）' })
  result: ContractFileCheckResult;

  @Field(() => String, { description: '结论的中文说明，可直接显示给用户' })
  message: string;

  @Field(() => Boolean, { description: '摘要与平台记录相符，且合同记录完整未被篡改' })
  matches: boolean;

  @Field(() => MatchedDigest, { nullable: true })
  matched: MatchedDigest | null;

  @Field(() => ContractVerificationObject)
  verification: ContractVerificationObject;
}
