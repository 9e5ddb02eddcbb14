import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { JobByIdLoader, JobMapper, JobObject, JobShiftObject } from '@jobcode/jobs';
import { SeekerNameLoader } from '@jobcode/seekers';

import { BookShiftInput } from './dto/book-shift.input';
import { CancelGigBookingInput, GigBookingActionInput } from './dto/gig-booking-action.input';
import { CheckInInput } from './dto/check-in.input';
import { CompleteGigBookingInput } from './dto/complete-gig-booking.input';
import { ConfirmGigPaymentInput } from './dto/confirm-gig-payment.input';
import { GigBookingsArgs } from './dto/gig-bookings.args';
import { toGigBookingObject } from './gig-booking.mapper';
import { GigBookingConnection, GigBookingObject, GigRatingObject } from './gig-booking.object';
import { GigBookingsService } from './gig-bookings.service';
import { GigCancellationService } from './gig-cancellation.service';
import { GigRatingsLoader, GigShiftLoader } from './gig-bookings.loaders';
import { GigCheckInService } from './gig-check-in.service';
import { GigCompletionService } from './gig-completion.service';

const SIGNED_IN = [Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN];
const MANAGERS = [Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => GigBookingObject)
export class GigBookingsResolver {
  constructor(
    private readonly bookings: GigBookingsService,
    private readonly cancellations: GigCancellationService,
    private readonly checkIns: GigCheckInService,
    private readonly completions: GigCompletionService,
    private readonly mapper: JobMapper,
    private readonly shiftLoader: GigShiftLoader,
    private readonly jobLoader: JobByIdLoader,
    private readonly nameLoader: SeekerNameLoader,
    private readonly ratingsLoader: GigRatingsLoader,
  ) {}

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @Mutation(() => GigBookingObject, { description: '预约零工班次（名额有限，先到先得；即时快招的班次直接确认）' })
  async bookShift(@CurrentActor() actor: Actor, @Args('input') input: BookShiftInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.bookings.book(actor, input.shiftId, input.seekerId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => GigBookingObject, { description: '用人单位确认预约（BOOKED → CONFIRMED）' })
  async confirmGigBooking(@CurrentActor() actor: Actor, @Args('input') input: GigBookingActionInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.bookings.confirm(actor, input.bookingId));
  }

  @Allow(...SIGNED_IN)
  @Mutation(() => GigBookingObject, { description: '取消预约（开工前；求职者和用人单位须在县里规定的截止时间前）' })
  async cancelGigBooking(@CurrentActor() actor: Actor, @Args('input') input: CancelGigBookingInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.cancellations.cancel(actor, input));
  }

  @Allow(...SIGNED_IN)
  @Mutation(() => GigBookingObject, { description: '到岗签到：求职者扫驿站码，或工作人员、用人单位扫求职者个人码' })
  async checkIn(@CurrentActor() actor: Actor, @Args('input') input: CheckInInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.checkIns.checkIn(actor, input));
  }

  @Allow(...MANAGERS)
  @Mutation(() => GigBookingObject, { description: '开工后标记未到岗' })
  async markGigNoShow(@CurrentActor() actor: Actor, @Args('input') input: GigBookingActionInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.completions.markNoShow(actor, input.bookingId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => GigBookingObject, { description: '确认完工（工时或件数、应付工钱）；计入务工人数（零工）' })
  async completeGigBooking(@CurrentActor() actor: Actor, @Args('input') input: CompleteGigBookingInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.completions.complete(actor, input));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @Mutation(() => GigBookingObject, { description: '确认工钱：用人单位确认已付，求职者确认已收到；金额一致即结清，不一致转工作人员处理' })
  async confirmGigPayment(@CurrentActor() actor: Actor, @Args('input') input: ConfirmGigPaymentInput): Promise<GigBookingObject> {
    return toGigBookingObject(await this.completions.confirmPayment(actor, input));
  }

  @Allow(...SIGNED_IN)
  @Query(() => GigBookingObject, { description: '一个零工预约（本人、用人单位、辖区工作人员可见）' })
  async gigBooking(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<GigBookingObject> {
    return toGigBookingObject(await this.bookings.findVisible(actor, id));
  }

  @Allow(...SIGNED_IN)
  @Query(() => GigBookingConnection, { description: '零工预约列表：求职者看自己的，用人单位看本单位的，工作人员看辖区的；开工时间最近的在前' })
  async gigBookings(@CurrentActor() actor: Actor, @Args() args: GigBookingsArgs): Promise<GigBookingConnection> {
    const page = await this.bookings.list(actor, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toGigBookingObject(e.node) })) };
  }

  @ResolveField(() => JobShiftObject)
  async shift(@Parent() booking: GigBookingObject, @ReqContext() ctx: RequestContext): Promise<JobShiftObject> {
    const shift = await ctx.loaders.get(this.shiftLoader).load(booking.shiftId);
    if (!shift) throw new Error(`shift ${booking.shiftId} of booking ${booking.id} is missing`);
    return this.mapper.shift(shift);
  }

  @ResolveField(() => JobObject)
  async job(@Parent() booking: GigBookingObject, @ReqContext() ctx: RequestContext): Promise<JobObject> {
    const job = await ctx.loaders.get(this.jobLoader).load(booking.jobId);
    if (!job) throw new Error(`job ${booking.jobId} of booking ${booking.id} is missing`);
    return this.mapper.job(job);
  }

  @ResolveField(() => String, { description: '求职者姓名（供用人单位在集合点点名）' })
  async seekerName(@Parent() booking: GigBookingObject, @ReqContext() ctx: RequestContext): Promise<string> {
    return ctx.loaders.get(this.nameLoader).load(booking.seekerId);
  }

  @ResolveField(() => [GigRatingObject], { description: '公开的评价：双方都评价后，或完工 7 天后' })
  async ratings(@Parent() booking: GigBookingObject, @ReqContext() ctx: RequestContext): Promise<GigRatingObject[]> {
    const rows = await ctx.loaders.get(this.ratingsLoader).load(booking.id);
    return rows.map((r) => ({ byParty: r.byParty, score: r.score, comment: r.comment, createdAt: r.createdAt }));
  }
}
