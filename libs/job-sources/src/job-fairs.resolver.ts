import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, ReqContext, type RequestContext, Role } from '@jobcode/common';

import { BookFairBoothInput, CreateJobCaravanInput, CreateJobFairInput, JobFairsArgs } from './dto/job-sources.inputs';
import { JobCaravansArgs, UpdateJobFairInput } from './dto/update-job-fair.input';
import { FairBoothsService } from './fair-booths.service';
import { JobFairsService } from './job-fairs.service';
import { FairBoothsLoader, JobCaravanLoader } from './job-sources.loaders';
import { JobFairConnection } from './job-sources.connections';
import { JobSourcesMapper } from './job-sources.mapper';
import { FairBoothObject, JobCaravanObject, JobFairObject } from './job-sources.objects';

// Parents are typed Readonly<…>: its design type is Object, so the global ValidationPipe leaves them
// alone instead of re-transforming and re-validating every list item for every field (measured: half the cost of a list).
@Resolver(() => JobFairObject)
export class JobFairsResolver {
  constructor(
    private readonly fairs: JobFairsService,
    private readonly boothBookings: FairBoothsService,
    private readonly mapper: JobSourcesMapper,
    private readonly booths: FairBoothsLoader,
    private readonly caravans: JobCaravanLoader,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => JobCaravanObject, { description: '县人社局建立一次就业大篷车巡回' })
  async createJobCaravan(@CurrentActor() actor: Actor, @Args('input') input: CreateJobCaravanInput): Promise<JobCaravanObject> {
    return this.mapper.caravan(await this.fairs.createCaravan(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => JobFairObject, { description: '在本辖区登记一场招聘会（大篷车的一站须填写 caravanId，每个乡镇一站）' })
  async createJobFair(@CurrentActor() actor: Actor, @Args('input') input: CreateJobFairInput): Promise<JobFairObject> {
    return this.mapper.fair(await this.fairs.createFair(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => JobFairObject, { description: '修改尚未结束的招聘会的名称、时间、地点、坐标或主办单位（类型、举办地和所属大篷车不能改）' })
  async updateJobFair(@CurrentActor() actor: Actor, @Args('input') input: UpdateJobFairInput): Promise<JobFairObject> {
    return this.mapper.fair(await this.fairs.updateFair(actor, input));
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => FairBoothObject, { description: '已审核的用人单位在招聘会上预订展位' })
  async bookFairBooth(@CurrentActor() actor: Actor, @Args('input') input: BookFairBoothInput): Promise<FairBoothObject> {
    return this.mapper.booth(await this.boothBookings.bookBooth(actor, input));
  }

  @Allow(PUBLIC)
  @Query(() => JobFairObject)
  async jobFair(@Args('id', { type: () => ID }) id: string): Promise<JobFairObject> {
    return this.mapper.fair(await this.fairs.requireFair(id));
  }

  @Allow(PUBLIC)
  @Query(() => JobCaravanObject)
  async jobCaravan(@Args('id', { type: () => ID }) id: string): Promise<JobCaravanObject> {
    return this.mapper.caravan(await this.fairs.requireCaravan(id));
  }

  @Allow(PUBLIC)
  @Query(() => [JobCaravanObject], { description: '一个县的就业大篷车，最新的在前（最多 100 个）' })
  async jobCaravans(@Args() args: JobCaravansArgs): Promise<JobCaravanObject[]> {
    return Promise.all((await this.fairs.caravans(args.countyCode)).map((c) => this.mapper.caravan(c)));
  }

  @Allow(PUBLIC)
  @Query(() => JobFairConnection, { description: '招聘会，按开始时间排列' })
  async jobFairs(@Args() args: JobFairsArgs): Promise<JobFairConnection> {
    const page = await this.fairs.fairs(args);
    return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await this.mapper.fair(e.node) }))) };
  }

  @ResolveField('booths', () => [FairBoothObject], { description: '参会单位的展位' })
  async boothsOf(@Parent() fair: Readonly<JobFairObject>, @ReqContext() ctx: RequestContext): Promise<FairBoothObject[]> {
    return (await ctx.loaders.get(this.booths).load(fair.id)).map((b) => this.mapper.booth(b));
  }

  @ResolveField('caravan', () => JobCaravanObject, { nullable: true, description: '所属就业大篷车' })
  async caravan(@Parent() fair: Readonly<JobFairObject>, @ReqContext() ctx: RequestContext): Promise<JobCaravanObject | null> {
    if (!fair.caravanId) return null;
    const caravan = await ctx.loaders.get(this.caravans).load(fair.caravanId);
    return caravan ? this.mapper.caravan(caravan) : null;
  }
}
