import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { CountySettingObject } from './county-setting.object';
import { CountySettingsService } from './county-settings.service';
import { SetCountySettingInput } from './dto/set-county-setting.input';

@Resolver(() => CountySettingObject)
export class CountySettingsResolver {
  constructor(private readonly settings: CountySettingsService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => [CountySettingObject], { description: '本县的全部设置及当前取值（未改过的显示默认值）' })
  countySettings(@CurrentActor() actor: Actor, @Args('countyCode', { type: () => String }) countyCode: string): Promise<CountySettingObject[]> {
    return this.settings.list(actor, countyCode);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => CountySettingObject, { description: '修改一项县级设置（县级工作人员或管理员）' })
  setCountySetting(@CurrentActor() actor: Actor, @Args('input') input: SetCountySettingInput): Promise<CountySettingObject> {
    return this.settings.set(actor, input.countyCode, input.key, input.valueJson);
  }
}
