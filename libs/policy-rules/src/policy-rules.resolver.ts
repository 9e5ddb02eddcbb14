import { Args, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { SubsidyEligibilityArgs } from './dto/subsidy-eligibility.args';
import { PolicyRulesService } from './policy-rules.service';
import { SubsidyEligibilityObject } from './subsidy.object';

@Resolver()
export class PolicyRulesResolver {
  constructor(private readonly rules: PolicyRulesService) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => [SubsidyEligibilityObject], { description: '补贴资格：按本县政策规则逐一判定本辖区的车间、用人单位或个人，给出金额和理由' })
  async subsidyEligibility(@CurrentActor() actor: Actor, @Args() args: SubsidyEligibilityArgs): Promise<SubsidyEligibilityObject[]> {
    return this.rules.eligibility(actor, args);
  }
}
