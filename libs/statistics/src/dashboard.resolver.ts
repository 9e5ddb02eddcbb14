import { Args, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { FairStatsObject, ScanFunnelArgs, ScanFunnelObject, WorkshopStatsObject } from './dashboard.objects';
import { DashboardArgs } from './dto/dashboard.args';
import { DashboardService } from './dashboard.service';

@Resolver()
export class DashboardResolver {
  constructor(private readonly dashboard: DashboardService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => ScanFunnelObject, { description: '扫码转化：本辖区某统计期的扫码 → 报名 → 合同，可按渠道或具体对象分组' })
  async scanFunnel(@CurrentActor() actor: Actor, @Args() args: ScanFunnelArgs): Promise<ScanFunnelObject> {
    return this.dashboard.scanFunnel(actor, args);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => FairStatsObject, { description: '招聘会统计：本辖区某统计期举办的招聘会，每场的参会单位、岗位、到场人数、录用人数及合计' })
  async fairStats(@CurrentActor() actor: Actor, @Args() args: DashboardArgs): Promise<FairStatsObject> {
    return this.dashboard.fairStats(actor, args);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => WorkshopStatsObject, { description: '就业帮扶车间统计：车间数、新认定数、吸纳就业人数及其中脱贫人口，每个车间一行' })
  async workshopStats(@CurrentActor() actor: Actor, @Args() args: DashboardArgs): Promise<WorkshopStatsObject> {
    return this.dashboard.workshopStats(actor, args);
  }
}
