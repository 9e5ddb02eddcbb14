import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, Role } from '@jobcode/common';

import { JobTransitionInput } from './dto/job-transition.input';
import { JobsArgs } from './dto/jobs.args';
import { PostJobInput, UpdateJobInput } from './dto/post-job.input';
import { JobMapper } from './job.mapper';
import { JobConnection, JobObject } from './job.object';
import { JobsService } from './jobs.service';

const MANAGERS = [Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => JobObject)
export class JobsResolver {
  constructor(
    private readonly jobsService: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '发布岗位（publish 为 true 时直接开始招聘，否则存为草稿）。公益性岗位由工作人员发布' })
  async postJob(@CurrentActor() actor: Actor, @Args('input') input: PostJobInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.post(actor, input));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '修改岗位内容（草稿、招聘中或暂停的岗位）' })
  async updateJob(@CurrentActor() actor: Actor, @Args('input') input: UpdateJobInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.update(actor, input));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '草稿 → 招聘中' })
  async publishJob(@CurrentActor() actor: Actor, @Args('input') input: JobTransitionInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.publish(actor, input.jobId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '招聘中 → 暂停' })
  async pauseJob(@CurrentActor() actor: Actor, @Args('input') input: JobTransitionInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.pause(actor, input.jobId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '暂停 → 招聘中' })
  async resumeJob(@CurrentActor() actor: Actor, @Args('input') input: JobTransitionInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.resume(actor, input.jobId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '招聘中或暂停 → 已招满' })
  async markJobFilled(@CurrentActor() actor: Actor, @Args('input') input: JobTransitionInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.markFilled(actor, input.jobId));
  }

  @Allow(...MANAGERS)
  @Mutation(() => JobObject, { description: '关闭岗位（草稿、招聘中或暂停的）' })
  async closeJob(@CurrentActor() actor: Actor, @Args('input') input: JobTransitionInput): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.close(actor, input.jobId));
  }

  @Allow(PUBLIC)
  @Query(() => JobObject, { description: '一个岗位：招聘中的对所有人可见，其他状态仅发布单位和辖区工作人员可见' })
  async job(@CurrentActor() actor: Actor | undefined, @Args('id', { type: () => ID }) id: string): Promise<JobObject> {
    return this.mapper.job(await this.jobsService.requireVisible(actor, id));
  }

  @Allow(PUBLIC)
  @Query(() => JobConnection, { description: '岗位列表，最新的在前。求职者和未登录用户只看到招聘中的岗位' })
  async jobs(@CurrentActor() actor: Actor | undefined, @Args() args: JobsArgs): Promise<JobConnection> {
    return this.toConnection(await this.jobsService.list(actor, args));
  }

  private async toConnection(page: Awaited<ReturnType<JobsService['list']>>): Promise<JobConnection> {
    return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await this.mapper.job(e.node) }))) };
  }
}
