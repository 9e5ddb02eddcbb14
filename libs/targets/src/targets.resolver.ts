import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { SetTargetInput } from './dto/set-target.input';
import { TargetProgressObject } from './target-progress.object';
import { TargetsService } from './targets.service';

@Resolver()
export class TargetsResolver {
  constructor(private readonly targets: TargetsService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => TargetProgressObject, { description: '设定本辖区某区域某年度某指标的任务数，返回当前完成情况' })
  async setTarget(@CurrentActor() actor: Actor, @Args('input') input: SetTargetInput): Promise<TargetProgressObject> {
    return this.targets.set(actor, input);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => [TargetProgressObject], { description: '年度任务完成情况：每个指标的任务数、已完成数和完成率' })
  async targetProgress(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
    @Args('regionCode', { type: () => String, nullable: true, description: '默认为本人管辖区域' }) regionCode?: string,
  ): Promise<TargetProgressObject[]> {
    return this.targets.progress(actor, regionCode, year);
  }
}
