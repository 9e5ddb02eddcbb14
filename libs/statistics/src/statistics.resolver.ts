import { Args, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { PlacementStatsArgs } from './dto/placement-stats.args';
import { PlacementStatsObject } from './placement-stats.object';
import { StatisticsService } from './statistics.service';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => PlacementStatsObject, { description: '务工统计：本辖区某统计期的务工人数，可分组，每个数字附上年同期和同比变化' })
  async placementStats(@CurrentActor() actor: Actor, @Args() args: PlacementStatsArgs): Promise<PlacementStatsObject> {
    return this.statistics.placementStats(actor, args);
  }
}
