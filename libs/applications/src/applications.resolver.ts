import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, maskName, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { JobByIdLoader, JobMapper, JobObject } from '@jobcode/jobs';
import { APPLICANT_PHONE_NOTICE, EMPLOYER_VISIBLE_APPLICATION_STATUSES, SeekerNameLoader } from '@jobcode/seekers';

import { ApplicationHistoryLoader } from './application-history.loader';
import { type Application } from './application.entity';
import { ApplicationEventObject, ApplicationObject } from './application.object';
import { ApplicationsService } from './applications.service';
import { ApplyToJobInput } from './dto/apply-to-job.input';
import { MoveApplicationInput, WithdrawApplicationInput } from './dto/move-application.input';

type ApplicationParent = Readonly<Omit<ApplicationObject, 'history' | 'job' | 'applicantName' | 'phoneNotice'>>;

const toObject = (a: Application): ApplicationParent => ({
  id: a.id,
  jobId: a.jobId,
  jobSeekerId: a.jobSeekerId,
  employerId: a.employerId,
  status: a.status,
  message: a.message,
  appliedByStaff: a.appliedByStaff,
  consentNote: a.consentNote,
  rejectionReason: a.rejectionReason,
  createdAt: a.createdAt,
});

@Resolver(() => ApplicationObject)
export class ApplicationsResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly historyLoader: ApplicationHistoryLoader,
    private readonly jobLoader: JobByIdLoader,
    private readonly jobMapper: JobMapper,
    private readonly nameLoader: SeekerNameLoader,
  ) {}

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @Mutation(() => ApplicationObject, {
    description: `报名岗位：求职者本人，或工作人员征得本人同意后代为报名。报名页须告知：${APPLICANT_PHONE_NOTICE}（也见 Application.phoneNotice）`,
  })
  async applyToJob(@CurrentActor() actor: Actor, @Args('input') input: ApplyToJobInput): Promise<ApplicationParent> {
    return toObject(await this.applications.apply(actor, input));
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => ApplicationObject, { description: '用人单位处理报名：入选、发录用意向、录用、不录用（附原因）' })
  async moveApplication(@CurrentActor() actor: Actor, @Args('input') input: MoveApplicationInput): Promise<ApplicationParent> {
    return toObject(await this.applications.move(actor, input));
  }

  @Allow(Role.SEEKER)
  @Mutation(() => ApplicationObject, { description: '求职者撤回自己的报名（录用前；这条报名未生效的合同随之撤销）' })
  async withdrawApplication(@CurrentActor() actor: Actor, @Args('input') input: WithdrawApplicationInput): Promise<ApplicationParent> {
    return toObject(await this.applications.withdraw(actor, input.applicationId));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => ApplicationObject, { description: '一条报名：求职者本人、岗位的用人单位、辖区工作人员可见' })
  async application(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApplicationParent> {
    return toObject(await this.applications.requireVisible(actor, id));
  }

  /** The job applied to, whatever its status now: the application itself was checked against the caller. */
  @ResolveField('job', () => JobObject, { description: '报名的岗位（即使岗位已关闭或招满，报名人和用人单位仍能看到）' })
  async job(@Parent() application: ApplicationParent, @ReqContext() context: RequestContext): Promise<JobObject> {
    const job = await context.loaders.get(this.jobLoader).load(application.jobId);
    if (!job) throw new Error(`job ${application.jobId} of application ${application.id} is missing`);
    return this.jobMapper.job(job);
  }

  @ResolveField('applicantName', () => String, {
    description: '报名人姓名：与 jobSeeker.name 一致——报名有效（未撤回、未被拒）时用人单位看到全名，否则打码（如 黄**）',
  })
  async applicantName(@Parent() application: ApplicationParent, @ReqContext() context: RequestContext): Promise<string> {
    const name = await context.loaders.get(this.nameLoader).load(application.jobSeekerId);
    const active = EMPLOYER_VISIBLE_APPLICATION_STATUSES.includes(application.status);
    return context.actor?.role === Role.EMPLOYER && !active ? maskName(name) : name;
  }

  @ResolveField('phoneNotice', () => String, {
    nullable: true,
    description: '报名有效期间：用人单位可以查看报名人的完整手机号（每次查看都有记录）；报名撤回或未被录用后为空',
  })
  phoneNotice(@Parent() application: ApplicationParent): string | null {
    return EMPLOYER_VISIBLE_APPLICATION_STATUSES.includes(application.status) ? APPLICANT_PHONE_NOTICE : null;
  }

  @ResolveField('history', () => [ApplicationEventObject])
  async history(@Parent() application: ApplicationParent, @ReqContext() context: RequestContext): Promise<ApplicationEventObject[]> {
    return context.loaders.get(this.historyLoader).load(application.id);
  }

  @Allow(Role.SEEKER)
  @Query(() => [ApplicationObject], { description: '我的报名（求职者本人），最近的在前，最多 100 条' })
  async myApplications(@CurrentActor() actor: Actor): Promise<ApplicationParent[]> {
    return (await this.applications.mine(actor)).map(toObject);
  }

  @Allow(Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => [ApplicationObject], { description: '一个岗位收到的报名（用人单位、辖区工作人员），最近的在前，最多 200 条' })
  async jobApplications(@CurrentActor() actor: Actor, @Args('jobId', { type: () => ID }) jobId: string): Promise<ApplicationParent[]> {
    return (await this.applications.ofJob(actor, jobId)).map(toObject);
  }
}
