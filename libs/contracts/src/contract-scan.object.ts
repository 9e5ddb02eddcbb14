import { Field, ObjectType } from '@nestjs/graphql';

import { ContractVerificationObject } from './contract.object';

@ObjectType('ContractScan', { description: '扫合同的码：核验状态、脱敏的双方、日期和摘要（不含个人信息）' })
export class ContractScan {
  @Field(() => ContractVerificationObject)
  verification: ContractVerificationObject;
}
