import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { EndPlacementInput } from './dto/end-placement.input';
import { PlacementsArgs } from './dto/placements.args';
import { RecordPlacementInput } from './dto/record-placement.input';
import { PlacementConnection, PlacementObject } from './placement.object';
import { PlacementsService } from './placements.service';

@Resolver(() => PlacementObject)
export class PlacementsResolver {
  constructor(private readonly service: PlacementsService) {}

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
}
