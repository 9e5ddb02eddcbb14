import { Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { isStaffOrAdmin, ReqContext, type RequestContext } from '@jobcode/common';
import { EmployerLoader, EmployerMembershipLoader, EmployerObject, EmployersService } from '@jobcode/employers';
import {
  GigStationLoader,
  type GigStationObject,
  JobFairLoader,
  type JobFairObject,
  JobSourcesMapper,
  WorkshopLoader,
  type WorkshopObject,
} from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';

import { JobSourceUnion } from './job-source.union';
import { JobMapper } from './job.mapper';
import { JobKind } from './job.enums';
import { JobObject, JobShiftObject } from './job.object';
import { JobShiftsLoader, PublicWelfareGroupsLoader } from './jobs.loaders';

/** Per-job fields, each through a DataLoader so a list of jobs costs a fixed number of queries. */
// Parents are typed Readonly<…>: its design type is Object, so the global ValidationPipe leaves them
// alone instead of re-transforming and re-validating every list item for every field (measured: half the cost of a list).
@Resolver(() => JobObject)
export class JobFieldsResolver {
  constructor(
    private readonly employers: EmployersService,
    private readonly employerLoader: EmployerLoader,
    private readonly membership: EmployerMembershipLoader,
    private readonly stations: GigStationLoader,
    private readonly workshops: WorkshopLoader,
    private readonly fairs: JobFairLoader,
    private readonly sources: JobSourcesMapper,
    private readonly shifts: JobShiftsLoader,
    private readonly groups: PublicWelfareGroupsLoader,
    private readonly mapper: JobMapper,
    private readonly scope: RegionScope,
  ) {}

  @ResolveField('employer', () => EmployerObject, { nullable: true, description: '发布单位；公益性岗位为空（由人社局发布）' })
  async employer(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): Promise<EmployerObject | null> {
    if (!job.employerId) return null;
    const employer = await ctx.loaders.get(this.employerLoader).load(job.employerId);
    if (!employer) return null;
    const entitled = this.scope.covers(ctx.actor, employer.regionCode) || (await ctx.loaders.get(this.membership).load(employer.id));
    return this.employers.toObject(employer, entitled);
  }

  @ResolveField('source', () => JobSourceUnion, { nullable: true, description: '岗位来源（零工站点、车间或招聘会），可为空' })
  async source(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): Promise<GigStationObject | WorkshopObject | JobFairObject | null> {
    if (job.stationId) {
      const station = await ctx.loaders.get(this.stations).load(job.stationId);
      return station ? this.sources.station(station) : null;
    }
    if (job.workshopId) {
      const workshop = await ctx.loaders.get(this.workshops).load(job.workshopId);
      return workshop ? this.sources.workshop(workshop) : null;
    }
    if (job.fairId) {
      const fair = await ctx.loaders.get(this.fairs).load(job.fairId);
      return fair ? this.sources.fair(fair) : null;
    }
    return null;
  }

  @ResolveField('shifts', () => [JobShiftObject], { description: '零工班次（其他岗位为空列表）' })
  async shiftsOf(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): Promise<JobShiftObject[]> {
    if (job.kind !== JobKind.GIG) return [];
    return (await ctx.loaders.get(this.shifts).load(job.id)).map((s) => this.mapper.shift(s));
  }

  @ResolveField('flags', () => [String], { nullable: true, description: '需要工作人员复核的事项（如年龄限制）；仅工作人员可见，其他人为空' })
  flags(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): string[] | null {
    return isStaffOrAdmin(ctx.actor) ? job.screeningFlags : null;
  }

  @ResolveField('eligibleSupportGroups', () => [String], {
    nullable: true,
    description: '公益性岗位：可以申请的帮扶群体（由县里设置 jobs.publicWelfareSupportGroups）；其他岗位为空',
  })
  async eligibleSupportGroups(@Parent() job: Readonly<JobObject>, @ReqContext() ctx: RequestContext): Promise<string[] | null> {
    if (job.kind !== JobKind.PUBLIC_WELFARE) return null;
    return ctx.loaders.get(this.groups).load(job.regionCode.slice(0, 6));
  }
}
