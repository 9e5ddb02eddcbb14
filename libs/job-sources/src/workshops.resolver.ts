import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { EmployerLoader, EmployerObject, EmployersService, EmployerMembershipLoader } from '@jobcode/employers';
import { RegionScope } from '@jobcode/regions';

import { CertifyWorkshopInput, CreateWorkshopInput, RevokeWorkshopInput, WorkshopsArgs } from './dto/job-sources.inputs';
import { WorkshopConnection } from './job-sources.connections';
import { JobSourcesMapper } from './job-sources.mapper';
import { WorkshopObject } from './job-sources.objects';
import { WorkshopsService } from './workshops.service';

// Parents are typed Readonly<…>: its design type is Object, so the global ValidationPipe leaves them
// alone instead of re-transforming and re-validating every list item for every field (measured: half the cost of a list).
@Resolver(() => WorkshopObject)
export class WorkshopsResolver {
  constructor(
    private readonly workshopService: WorkshopsService,
    private readonly mapper: JobSourcesMapper,
    private readonly employers: EmployersService,
    private readonly employerLoader: EmployerLoader,
    private readonly membership: EmployerMembershipLoader,
    private readonly scope: RegionScope,
  ) {}

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => WorkshopObject, { description: '已审核的用人单位在村里开办就业帮扶车间（待县人社局认定）' })
  async createWorkshop(@CurrentActor() actor: Actor, @Args('input') input: CreateWorkshopInput): Promise<WorkshopObject> {
    return this.mapper.workshop(await this.workshopService.createWorkshop(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => WorkshopObject, { description: '县人社局认定就业帮扶车间' })
  async certifyWorkshop(@CurrentActor() actor: Actor, @Args('input') input: CertifyWorkshopInput): Promise<WorkshopObject> {
    return this.mapper.workshop(await this.workshopService.certifyWorkshop(actor, input));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => WorkshopObject, { description: '县人社局撤销车间的认定' })
  async revokeWorkshop(@CurrentActor() actor: Actor, @Args('input') input: RevokeWorkshopInput): Promise<WorkshopObject> {
    return this.mapper.workshop(await this.workshopService.revokeWorkshop(actor, input));
  }

  @Allow(PUBLIC)
  @Query(() => WorkshopObject)
  async workshop(@CurrentActor() actor: Actor | undefined, @Args('id', { type: () => ID }) id: string): Promise<WorkshopObject> {
    return this.mapper.workshop(await this.workshopService.requireVisibleWorkshop(actor, id));
  }

  @Allow(PUBLIC)
  @Query(() => WorkshopConnection, { description: '就业帮扶车间：公众看到已认定的；工作人员还看到辖区内待认定的' })
  async workshops(@CurrentActor() actor: Actor | undefined, @Args() args: WorkshopsArgs): Promise<WorkshopConnection> {
    const page = await this.workshopService.workshops(actor, args);
    return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await this.mapper.workshop(e.node) }))) };
  }

  @ResolveField('employer', () => EmployerObject, { nullable: true, description: '开办车间的用人单位' })
  async employer(@Parent() workshop: Readonly<WorkshopObject>, @ReqContext() ctx: RequestContext): Promise<EmployerObject | null> {
    const employer = await ctx.loaders.get(this.employerLoader).load(workshop.employerId);
    if (!employer) return null;
    const entitled = this.scope.covers(ctx.actor, employer.regionCode) || (await ctx.loaders.get(this.membership).load(employer.id));
    return this.employers.toObject(employer, entitled);
  }
}
