import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SubsidyKind {
  WORKSHOP_SUBSIDY = 'WORKSHOP_SUBSIDY',
  HIRING_BONUS = 'HIRING_BONUS',
  TRANSPORT_SUBSIDY = 'TRANSPORT_SUBSIDY',
}

registerEnumType(SubsidyKind, {
  name: 'SubsidyKind',
  valuesMap: {
    WORKSHOP_SUBSIDY: { description: '帮扶车间补贴（按车间）' },
    HIRING_BONUS: { description: '吸纳脱贫人口就业一次性奖补（按用人单位）' },
    TRANSPORT_SUBSIDY: { description: '外出务工交通补贴（按人）' },
  },
});

@ObjectType('SubsidyEligibility', { description: '一项补贴对一个对象的判定：是否符合、金额，以及每条规则为什么通过或不通过' })
export class SubsidyEligibilityObject {
  @Field(() => SubsidyKind)
  kind: SubsidyKind;

  @Field(() => String, { description: 'WORKSHOP、EMPLOYER 或 JOB_SEEKER' })
  subjectKind: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => String)
  subjectName: string;

  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => Int, { description: '补贴金额（元）；不符合时为 0' })
  amount: number;

  @Field(() => [String], { description: '逐条说明，例如“脱贫人口 3 人，占职工 15.00%，不低于 10%：符合”' })
  explanation: string[];
}
