import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { RegionObject } from '@jobcode/regions';

import { EmployerStatus } from './employer.entity';

registerEnumType(EmployerStatus, {
  name: 'EmployerStatus',
  description: '用人单位审核状态',
  valuesMap: {
    PENDING: { description: '待审核' },
    VERIFIED: { description: '已审核通过，可以发布岗位' },
    REJECTED: { description: '审核未通过' },
  },
});

@ObjectType('Employer', { description: '用人单位' })
export class EmployerObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '统一社会信用代码（18 位）' })
  creditCode: string;

  @Field(() => String)
  contactName: string;

  @Field(() => String, { description: '联系电话；本单位成员和辖区工作人员看到完整号码，其他人看到 138****5678' })
  contactPhone: string;

  @Field(() => RegionObject)
  region: RegionObject;

  @Field(() => String)
  address: string;

  @Field(() => String, { nullable: true, description: '法定代表人或主要负责人' })
  legalRepresentative: string | null;

  @Field(() => EmployerStatus)
  status: EmployerStatus;

  @Field(() => String, { nullable: true, description: '审核未通过的原因（仅本单位和工作人员可见）' })
  rejectionReason: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}
