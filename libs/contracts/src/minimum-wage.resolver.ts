import { Args, Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';

import { Allow, PUBLIC, parseRegionCode } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';

import { MINIMUM_HOURLY_WAGE, MINIMUM_MONTHLY_WAGE } from './contracts.settings';

@ObjectType('MinimumWage', { description: '县最低工资标准：劳动合同约定的工资不得低于此数' })
export class MinimumWageObject {
  @Field(() => String, { description: '县的区划代码（6 位）' })
  countyCode: string;

  @Field(() => Float, { description: '月最低工资（元/月）' })
  monthly: number;

  @Field(() => Float, { description: '小时最低工资（元/小时）' })
  hourly: number;

  @Field(() => Float, { description: '按天计薪时的下限（元/天，按每天 8 小时）' })
  daily: number;
}

/** The floors offerContract checks terms against, for forms that check as people type. */
@Resolver(() => MinimumWageObject)
export class MinimumWageResolver {
  constructor(private readonly settings: CountySettingsService) {}

  @Allow(PUBLIC)
  @Query(() => MinimumWageObject, { description: '某地（县、乡镇或村）所在县的最低工资标准，发合同时按此校验' })
  async minimumWage(@Args('regionCode', { type: () => String }) regionCode: string): Promise<MinimumWageObject> {
    const code = parseRegionCode(regionCode);
    const [monthly, hourly] = [await this.settings.get(MINIMUM_MONTHLY_WAGE, code), await this.settings.get(MINIMUM_HOURLY_WAGE, code)];
    return { countyCode: code.slice(0, 6), monthly, hourly, daily: Math.round(hourly * 8 * 100) / 100 };
  }
}
