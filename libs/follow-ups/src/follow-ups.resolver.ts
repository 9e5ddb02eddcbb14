import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { RecordFollowUpInput } from './dto/record-follow-up.input';
import { FollowUpDueConnection, FollowUpObject, MonitoredWithoutWorkConnection } from './follow-up.object';
import { FollowUpsService } from './follow-ups.service';

const REGION = { type: () => String, nullable: true, description: '县、乡镇或村的区划代码；默认为本人管辖区域' } as const;
const FIRST = { type: () => Int, nullable: true, description: '每页条数，默认 20，最多 100' } as const;
const AFTER = { type: () => String, nullable: true } as const;

@Resolver()
export class FollowUpsResolver {
  constructor(private readonly followUps: FollowUpsService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => FollowUpObject, { description: '登记跟踪服务：走访或电话回访的结果' })
  async recordFollowUp(@CurrentActor() actor: Actor, @Args('input') input: RecordFollowUpInput): Promise<FollowUpObject> {
    return this.followUps.toObject(await this.followUps.record(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => FollowUpDueConnection, { description: '应回访名单：按本县跟踪服务周期，本辖区在岗帮扶对象中已逾期或即将到期的，先到期的在前' })
  async followUpsDue(
    @CurrentActor() actor: Actor,
    @Args('regionCode', REGION) regionCode?: string,
    @Args('withinDays', { type: () => Int, nullable: true, description: '包括多少天内到期的，默认 14' }) withinDays?: number,
    @Args('overdueOnly', { type: () => Boolean, nullable: true, description: '只看已逾期的' }) overdueOnly?: boolean,
    @Args('first', FIRST) first?: number,
    @Args('after', AFTER) after?: string,
  ) {
    return this.followUps.due(actor, { regionCode, withinDays, overdueOnly, first, after });
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => MonitoredWithoutWorkConnection, { description: '防返贫名单：有劳动能力、目前未务工的监测对象和脱贫人口，按村排列，附距上次回访天数' })
  async monitoredWithoutWork(
    @CurrentActor() actor: Actor,
    @Args('regionCode', REGION) regionCode?: string,
    @Args('first', FIRST) first?: number,
    @Args('after', AFTER) after?: string,
  ) {
    return this.followUps.monitoredWithoutWork(actor, { regionCode, first, after });
  }
}
