import { Args, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { RecommendedJobsArgs, RecommendedSeekersArgs } from './dto/recommendations.args';
import { MatchingService } from './matching.service';
import { RecommendedJobObject, RecommendedSeekerObject } from './recommendation.object';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => [RecommendedSeekerObject], { description: '为岗位推荐求职者（仅推荐同意被推荐的人），按匹配得分从高到低，附推荐理由' })
  async recommendedSeekers(@CurrentActor() actor: Actor, @Args() args: RecommendedSeekersArgs): Promise<RecommendedSeekerObject[]> {
    return this.matching.recommendedSeekers(actor, args.jobId, args.first ?? 10);
  }

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @Query(() => [RecommendedJobObject], { description: '为求职者推荐招聘中的岗位，按匹配得分从高到低，附推荐理由' })
  async recommendedJobs(@CurrentActor() actor: Actor, @Args() args: RecommendedJobsArgs): Promise<RecommendedJobObject[]> {
    return this.matching.recommendedJobs(actor, args.seekerId, args.first ?? 10);
  }
}
