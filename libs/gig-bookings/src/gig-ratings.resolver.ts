import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { RateGigBookingInput } from './dto/rate-gig-booking.input';
import { EmployerGigReputationObject, GigRatingObject, SeekerGigReliabilityObject } from './gig-booking.object';
import { GigRatingsService } from './gig-ratings.service';

@Resolver(() => GigRatingObject)
export class GigRatingsResolver {
  constructor(private readonly ratings: GigRatingsService) {}

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @Mutation(() => GigRatingObject, { description: '完工后评价对方（1–5 分）；双方都评价后或完工 7 天后公开，提交后不能修改' })
  async rateGigBooking(@CurrentActor() actor: Actor, @Args('input') input: RateGigBookingInput): Promise<GigRatingObject> {
    const r = await this.ratings.rate(actor, input);
    return { byParty: r.byParty, score: r.score, comment: r.comment, createdAt: r.createdAt };
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => EmployerGigReputationObject, { description: '用人单位的零工口碑：平均分、完工人次、爽约率' })
  async employerGigReputation(@Args('employerId', { type: () => ID }) employerId: string): Promise<EmployerGigReputationObject> {
    return this.ratings.employerReputation(employerId);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => SeekerGigReliabilityObject, { description: '求职者的零工信用：平均分、完工人次、未到岗次数、到岗率' })
  async seekerGigReliability(@CurrentActor() actor: Actor, @Args('seekerId', { type: () => ID }) seekerId: string): Promise<SeekerGigReliabilityObject> {
    return this.ratings.seekerReliability(actor, seekerId);
  }
}
