import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor, ReqContext, type Actor, type RequestContext } from '@jobcode/common';
import { EmployerObject } from '@jobcode/employers';
import { FairBoothObject, GigStationObject, JobFairObject, WorkshopObject } from '@jobcode/job-sources';

import { SourceJobsArgs } from './dto/jobs.args';
import { JobMapper } from './job.mapper';
import { JobConnection, JobFairTotalsObject } from './job.object';
import { FairBoothPostsLoader, JobFairTotalsLoader } from './jobs.loaders';
import { type JobFilter, JobsService } from './jobs.service';

async function page(jobs: JobsService, mapper: JobMapper, actor: Actor | undefined, filter: JobFilter): Promise<JobConnection> {
  const result = await jobs.list(actor, filter);
  return { ...result, edges: await Promise.all(result.edges.map(async (e) => ({ cursor: e.cursor, node: await mapper.job(e.node) }))) };
}

const DESCRIPTION = '此处的岗位，最新的在前（未登录和求职者只看到招聘中的）';

// Parents are typed Readonly<…>: its design type is Object, so the global ValidationPipe leaves them
// alone instead of re-transforming and re-validating every list item for every field (measured: half the cost of a list).
@Resolver(() => GigStationObject)
export class GigStationJobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  @ResolveField('jobs', () => JobConnection, { description: DESCRIPTION })
  stationJobs(@Parent() station: Readonly<GigStationObject>, @CurrentActor() actor: Actor | undefined, @Args() args: SourceJobsArgs): Promise<JobConnection> {
    return page(this.jobs, this.mapper, actor, { ...args, stationId: station.id });
  }
}

@Resolver(() => WorkshopObject)
export class WorkshopJobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  @ResolveField('jobs', () => JobConnection, { description: DESCRIPTION })
  workshopJobs(@Parent() workshop: Readonly<WorkshopObject>, @CurrentActor() actor: Actor | undefined, @Args() args: SourceJobsArgs): Promise<JobConnection> {
    return page(this.jobs, this.mapper, actor, { ...args, workshopId: workshop.id });
  }
}

@Resolver(() => JobFairObject)
export class JobFairJobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
    private readonly totals: JobFairTotalsLoader,
  ) {}

  @ResolveField('jobs', () => JobConnection, { description: DESCRIPTION })
  fairJobs(@Parent() fair: Readonly<JobFairObject>, @CurrentActor() actor: Actor | undefined, @Args() args: SourceJobsArgs): Promise<JobConnection> {
    return page(this.jobs, this.mapper, actor, { ...args, fairId: fair.id });
  }

  @ResolveField('totals', () => JobFairTotalsObject, { description: '参会单位数和岗位数，例如"40 家单位，1000 余个岗位"' })
  fairTotals(@Parent() fair: Readonly<JobFairObject>, @ReqContext() ctx: RequestContext): Promise<JobFairTotalsObject> {
    return ctx.loaders.get(this.totals).load(fair.id);
  }
}

@Resolver(() => EmployerObject)
export class EmployerJobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  @ResolveField('jobs', () => JobConnection, { description: '本单位的岗位（本单位成员和辖区工作人员看到全部状态，其他人只看到招聘中的）' })
  employerJobs(@Parent() employer: Readonly<EmployerObject>, @CurrentActor() actor: Actor | undefined, @Args() args: SourceJobsArgs): Promise<JobConnection> {
    return page(this.jobs, this.mapper, actor, { ...args, employerId: employer.id });
  }
}

@Resolver(() => FairBoothObject)
export class FairBoothJobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
    private readonly posts: FairBoothPostsLoader,
  ) {}

  @ResolveField('posts', () => Int, { description: '此展位的岗位数：申报岗位数与已发布岗位招聘人数中较大者' })
  boothPosts(@Parent() booth: Readonly<FairBoothObject>, @ReqContext() ctx: RequestContext): Promise<number> {
    return ctx.loaders.get(this.posts).load(booth.id);
  }

  @ResolveField('jobs', () => JobConnection, { description: '此单位在本场招聘会发布的岗位' })
  boothJobs(@Parent() booth: Readonly<FairBoothObject>, @CurrentActor() actor: Actor | undefined, @Args() args: SourceJobsArgs): Promise<JobConnection> {
    return page(this.jobs, this.mapper, actor, { ...args, fairId: booth.fairId, employerId: booth.employerId });
  }
}
