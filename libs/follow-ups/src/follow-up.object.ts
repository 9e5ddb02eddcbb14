import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { FollowUpWay } from './follow-up.entity';

registerEnumType(FollowUpWay, {
  name: 'FollowUpWay',
  valuesMap: { VISIT: { description: '上门走访' }, PHONE: { description: '电话回访' }, WECHAT: { description: '微信回访' } },
});

@ObjectType('FollowUp', { description: '跟踪服务记录' })
export class FollowUpObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => ID, { nullable: true })
  placementId: string | null;

  @Field(() => String)
  visitedOn: string;

  @Field(() => FollowUpWay)
  way: FollowUpWay;

  @Field(() => Boolean, { nullable: true })
  stillEmployed: boolean | null;

  @Field(() => Int, { nullable: true })
  monthlyIncome: number | null;

  @Field(() => String, { nullable: true })
  needs: string | null;

  @Field(() => String, { nullable: true })
  nextStep: string | null;
}

@ObjectType('FollowUpDue', { description: '应回访的人：按本县跟踪服务周期算出的到期日' })
export class FollowUpDueObject {
  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '户籍所在村区划代码' })
  regionCode: string;

  @Field(() => ID, { description: '当前务工记录' })
  placementId: string;

  @Field(() => String, { description: '当前务工开始日期' })
  placementStartDate: string;

  @Field(() => String, { nullable: true, description: '本段务工以来最近一次回访日期' })
  lastFollowUpOn: string | null;

  @Field(() => String, { description: '应回访日期' })
  dueOn: string;

  @Field(() => Boolean, { description: '已逾期（应回访日期早于今天）' })
  overdue: boolean;

  @Field(() => Int, { description: '逾期天数；未逾期为 0' })
  daysOverdue: number;
}

@ObjectType('MonitoredWithoutWork', { description: '防返贫：有劳动能力、目前没有务工的脱贫人口或监测对象' })
export class MonitoredWithoutWorkObject {
  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '户籍所在村区划代码' })
  regionCode: string;

  @Field(() => String, { description: '村名' })
  villageName: string;

  @Field(() => [String], { description: '帮扶人员类别代码' })
  supportGroups: string[];

  @Field(() => String, { description: '劳动能力 FULL 或 WEAK' })
  laborCapacity: string;

  @Field(() => String, { nullable: true, description: '最近一次回访日期' })
  lastFollowUpOn: string | null;

  @Field(() => Int, { nullable: true, description: '距最近一次回访的天数；从未回访时为空' })
  daysSinceLastFollowUp: number | null;
}

@ObjectType('FollowUpDueConnection')
export class FollowUpDueConnection extends Connection(FollowUpDueObject, 'FollowUpDue') {}

@ObjectType('MonitoredWithoutWorkConnection')
export class MonitoredWithoutWorkConnection extends Connection(MonitoredWithoutWorkObject, 'MonitoredWithoutWork') {}
