import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

import { AccountObject } from '@jobcode/accounts';
import { JobSeekerObject, PersonalDataReadObject } from '@jobcode/seekers';

import { DeletionOutcome } from './data-deletion-request.entity';

registerEnumType(DeletionOutcome, {
  name: 'DeletionOutcome',
  description: '删除请求的处理结果',
  valuesMap: {
    DELETED: { description: '已删除（匿名化），账号已注销' },
    RESTRICTED: { description: '依法须保存的部分只作存储和安全保护、不再处理，其余已删除' },
  },
});

@ObjectType('DataDeletionRequest', { description: '删除个人信息的请求和答复（个人信息保护法第四十七条）' })
export class DataDeletionRequestObject {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  requestedAt: Date;

  @Field(() => DeletionOutcome)
  outcome: DeletionOutcome;

  @Field(() => [String], { description: '依法保存的信息和依据' })
  retained: string[];

  @Field(() => String, { nullable: true, description: '保存到哪一天；为空表示至仍在履行的劳动合同解除或终止后二年' })
  retainedUntil: string | null;

  @Field(() => String, { description: '给本人的答复' })
  answer: string;

  @Field(() => Date)
  answeredAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: '全部删除完成的时间：立即删除的为答复时间；依法保存的记录在保存期满后删除时填写。为空表示仍在保存期内',
  })
  erasedAt: Date | null;

  @Field(() => [String], { description: '保存期满后删除了哪些记录' })
  erased: string[];
}

@ObjectType('PersonalDataApplication', { description: '我的一条报名' })
export class PersonalDataApplicationObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  jobTitle: string;

  @Field(() => String)
  employerName: string;

  @Field(() => String)
  status: string;

  @Field(() => Date)
  appliedAt: Date;
}

@ObjectType('PersonalDataContract', { description: '我的一份劳动合同' })
export class PersonalDataContractObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  employerName: string;

  @Field(() => String)
  jobTitle: string;

  @Field(() => String)
  status: string;

  @Field(() => String)
  startDate: string;

  @Field(() => String, { nullable: true })
  endDate: string | null;
}

@ObjectType('PersonalData', { description: '平台保存的关于我的全部信息、谁查看过，以及删除请求的答复（个人信息保护法第四十四至四十七条）' })
export class PersonalDataObject {
  @Field(() => Date)
  generatedAt: Date;

  @Field(() => AccountObject)
  account: AccountObject;

  @Field(() => JobSeekerObject, { nullable: true, description: '求职登记（可用 updateJobSeeker 更正）' })
  profile: JobSeekerObject | null;

  @Field(() => [PersonalDataApplicationObject])
  applications: PersonalDataApplicationObject[];

  @Field(() => [PersonalDataContractObject])
  contracts: PersonalDataContractObject[];

  @Field(() => Number, { description: '站内消息和短信的条数' })
  notificationCount: number;

  @Field(() => [PersonalDataReadObject], { description: '谁在何时、为何查看过我的完整身份证号或手机号，最新的在前' })
  reads: PersonalDataReadObject[];

  @Field(() => DataDeletionRequestObject, { nullable: true })
  deletionRequest: DataDeletionRequestObject | null;
}

@InputType('RequestDataDeletionInput')
export class RequestDataDeletionInput {
  @Field(() => String, { nullable: true, description: '原因（可不填）' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '原因最多 200 字' })
  reason?: string | null;
}
