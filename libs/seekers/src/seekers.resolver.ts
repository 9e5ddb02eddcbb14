import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, clampPageSize, CurrentActor, RateLimit, type RequestContext, ReqContext, Role } from '@jobcode/common';
import { PersonalDataField } from '@jobcode/personal-data';
import { RegionObject, RegionsService } from '@jobcode/regions';

import { AddSupportGroupInput } from './dto/add-support-group.input';
import { ClaimJobSeekerInput } from './dto/claim-job-seeker.input';
import { JobSeekersArgs } from './dto/job-seekers.args';
import { RegisterJobSeekerInput } from './dto/register-job-seeker.input';
import { ReviewSupportGroupsInput } from './dto/review-support-groups.input';
import { UpdateJobSeekerInput } from './dto/update-job-seeker.input';
import { JobSeekerConnection, JobSeekerObject } from './job-seeker.object';
import { PersonalDataReadObject } from './personal-data-read.object';
import { SeekersService } from './seekers.service';
import { SupportGroupObject } from './support-group.object';
import { DeclaredSupportGroupsLoader, SupportGroupsService } from './support-groups.service';

const FULL_ARG = { type: () => Boolean, defaultValue: false, description: '为 true 且有权查看时返回完整号码（记入个人信息访问日志）；否则打码' } as const;
const PURPOSE_ARG = { type: () => String, nullable: true, description: '查看完整号码的用途，记入访问日志，例如“电话回访”“办理补贴”' } as const;

@Resolver(() => JobSeekerObject)
export class SeekersResolver {
  constructor(
    private readonly seekers: SeekersService,
    private readonly groups: SupportGroupsService,
    private readonly declared: DeclaredSupportGroupsLoader,
    private readonly regions: RegionsService,
  ) {}

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 60, windowSeconds: 600 })
  @Mutation(() => JobSeekerObject, { description: '求职登记：本人扫码登记，或工作人员代为登记。同一身份证号只能登记一次' })
  async registerJobSeeker(@CurrentActor() actor: Actor, @Args('input') input: RegisterJobSeekerInput): Promise<JobSeekerObject> {
    return this.seekers.toObject(await this.seekers.register(actor, input));
  }

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @Mutation(() => JobSeekerObject, { description: '修改求职登记：本人改自己的，工作人员改本辖区的' })
  async updateJobSeeker(@CurrentActor() actor: Actor, @Args('input') input: UpdateJobSeekerInput): Promise<JobSeekerObject> {
    return this.seekers.toObject(await this.seekers.update(actor, input));
  }

  @Allow(Role.SEEKER)
  @RateLimit({ points: 5, windowSeconds: 3600 })
  @Mutation(() => JobSeekerObject, { description: '把工作人员代为登记的求职信息绑定到本人账号（核对姓名和身份证号）' })
  async claimJobSeeker(@CurrentActor() actor: Actor, @Args('input') input: ClaimJobSeekerInput): Promise<JobSeekerObject> {
    return this.seekers.toObject(await this.seekers.claim(actor, input));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => JobSeekerObject, { description: '一条求职登记：本人、辖区工作人员可见；用人单位仅能看到投递了本单位岗位或同意推荐的求职者' })
  async jobSeeker(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<JobSeekerObject> {
    return this.seekers.toObject(await this.seekers.findVisible(actor, id));
  }

  @Allow(Role.SEEKER)
  @Query(() => JobSeekerObject, { nullable: true, description: '我的求职登记；尚未登记时为空' })
  async myJobSeekerProfile(@CurrentActor() actor: Actor): Promise<JobSeekerObject | null> {
    const seeker = await this.seekers.mine(actor);
    return seeker ? this.seekers.toObject(seeker) : null;
  }

  @Allow(Role.SEEKER, Role.STAFF, Role.ADMIN)
  @Query(() => [PersonalDataReadObject], { description: '谁在何时、为何查看过此人的完整身份证号或手机号（本人和辖区工作人员可查），最新的在前' })
  async jobSeekerDataReads(
    @CurrentActor() actor: Actor,
    @Args('jobSeekerId', { type: () => ID }) jobSeekerId: string,
    @Args('first', { type: () => Int, nullable: true, description: '最多返回条数，默认 50，最多 200' }) first?: number,
  ): Promise<PersonalDataReadObject[]> {
    return this.seekers.dataReads(actor, jobSeekerId, clampPageSize(first ?? 50, 200));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => JobSeekerConnection, { description: '本辖区求职者名单，可按区域、人员类别、劳动能力、就业状态、培训意愿筛选' })
  async jobSeekers(@CurrentActor() actor: Actor, @Args() args: JobSeekersArgs): Promise<JobSeekerConnection> {
    return this.seekers.list(actor, args);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => [SupportGroupObject], { description: '帮扶人员类别：全国通用的，加上某地所在县自设的' })
  async supportGroups(@Args('regionCode', { type: () => String, nullable: true }) regionCode?: string): Promise<SupportGroupObject[]> {
    return (await this.groups.usableIn(regionCode)).map((g) => this.groups.toObject(g));
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => SupportGroupObject, { description: '县级工作人员为本县增设帮扶人员类别' })
  async addSupportGroup(@CurrentActor() actor: Actor, @Args('input') input: AddSupportGroupInput): Promise<SupportGroupObject> {
    return this.groups.toObject(await this.groups.add(actor, input));
  }

  @ResolveField('idNumber', () => String, { description: '身份证号：默认打码（4503**********1234）' })
  idNumber(
    @Parent() seeker: JobSeekerObject,
    @ReqContext() context: RequestContext,
    @Args('full', FULL_ARG) full: boolean,
    @Args('purpose', PURPOSE_ARG) purpose?: string,
  ): Promise<string> {
    return this.seekers.reveal(context, seeker, PersonalDataField.ID_NUMBER, full, purpose);
  }

  @ResolveField('phone', () => String, { description: '手机号：默认打码（138****5678）' })
  phone(
    @Parent() seeker: JobSeekerObject,
    @ReqContext() context: RequestContext,
    @Args('full', FULL_ARG) full: boolean,
    @Args('purpose', PURPOSE_ARG) purpose?: string,
  ): Promise<string> {
    return this.seekers.reveal(context, seeker, PersonalDataField.PHONE, full, purpose);
  }

  @ResolveField('fullAccess', () => Boolean, { description: '当前用户可以查看此人的完整身份证号和手机号' })
  fullAccess(@Parent() seeker: JobSeekerObject, @ReqContext() context: RequestContext): boolean {
    return this.seekers.mayReadFull(context.actor, seeker);
  }

  @ResolveField('declaredSupportGroups', () => [SupportGroupObject], {
    description: '本人自报、待工作人员确认的帮扶类别：确认前不计入统计、补贴和公益性岗位资格（reviewSupportGroups 确认或驳回）',
  })
  declaredSupportGroups(@Parent() seeker: JobSeekerObject, @ReqContext() context: RequestContext): Promise<SupportGroupObject[]> {
    return context.loaders.get(this.declared).load(seeker.id);
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => JobSeekerObject, { description: '审核求职者本人自报的帮扶类别（本辖区）：确认的开始计入统计、补贴和公益岗资格，驳回的删除' })
  async reviewSupportGroups(@CurrentActor() actor: Actor, @Args('input') input: ReviewSupportGroupsInput): Promise<JobSeekerObject> {
    return this.seekers.toObject(await this.seekers.reviewDeclaredGroups(actor, input));
  }

  @ResolveField('supportGroups', () => [SupportGroupObject], {
    description: '工作人员登记或确认的帮扶类别（计入统计、补贴和资格）；本人自报待确认的见 declaredSupportGroups',
  })
  seekerSupportGroups(@Parent() seeker: JobSeekerObject, @ReqContext() context: RequestContext): Promise<SupportGroupObject[]> {
    return context.loaders.get(this.groups).load(seeker.id);
  }

  @ResolveField('region', () => RegionObject, { description: '户籍所在村' })
  region(@Parent() seeker: JobSeekerObject): Promise<RegionObject> {
    return this.regions.requireObject(seeker.regionCode);
  }

  @ResolveField('wantsTraining', () => Boolean, { description: '有培训意愿' })
  wantsTraining(@Parent() seeker: JobSeekerObject): boolean {
    return seeker.trainingWanted.length > 0;
  }
}
