import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { RegionObject, RegionsService } from '@jobcode/regions';
import { SeekerNameLoader } from '@jobcode/seekers';

import { EndPlacementInput } from './dto/end-placement.input';
import { PlacementsArgs } from './dto/placements.args';
import { RecordPlacementInput } from './dto/record-placement.input';
import { PlacementConnection, PlacementObject } from './placement.object';
import { PlacementsService } from './placements.service';

@Resolver(() => PlacementObject)
export class PlacementsResolver {
  constructor(
    private readonly service: PlacementsService,
    private readonly seekerNames: SeekerNameLoader,
    private readonly regions: RegionsService,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => PlacementObject, { description: '登记务工：本辖区求职者在平台外找到的工作（县内/区内县外/区外由工作地自动判断）' })
  async recordPlacement(@CurrentActor() actor: Actor, @Args('input') input: RecordPlacementInput): Promise<PlacementObject> {
    return this.service.toObject(await this.service.record(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => PlacementObject, { description: '结束务工：登记最后工作日' })
  async endPlacement(@CurrentActor() actor: Actor, @Args('input') input: EndPlacementInput): Promise<PlacementObject> {
    return this.service.toObject(await this.service.end(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => PlacementConnection, { description: '本辖区务工记录（按户籍地），开始日期新的在前' })
  async placements(@CurrentActor() actor: Actor, @Args() args: PlacementsArgs): Promise<PlacementConnection> {
    return this.service.list(actor, args);
  }

  // Placements are read by staff in scope only (the operations above say so): a list names its people.
  @ResolveField(() => String, { description: '求职者姓名' })
  async jobSeekerName(@Parent() placement: PlacementObject, @ReqContext() ctx: RequestContext): Promise<string> {
    return ctx.loaders.get(this.seekerNames).load(placement.jobSeekerId);
  }

  @ResolveField(() => RegionObject, { description: '户籍所在村' })
  async homeRegion(@Parent() placement: PlacementObject): Promise<RegionObject> {
    return this.regions.requireObject(placement.homeRegionCode);
  }

  @ResolveField(() => RegionObject, { nullable: true, description: '工作地：登记的区划，或不在区划表里时它所属的市、省；都不在时为空' })
  async workplaceRegion(@Parent() placement: PlacementObject): Promise<RegionObject | null> {
    const code = placement.workplaceRegionCode;
    // 441900 (东莞, a city without counties) is held as 4419; an outside county's code as its city.
    for (const length of [12, 9, 6, 4, 2].filter((n) => n <= code.length)) {
      const region = await this.regions.find(code.slice(0, length));
      if (region) return this.regions.toObject(region);
    }
    return null;
  }
}
