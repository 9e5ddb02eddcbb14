import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, GeoPointInput, PUBLIC, ReqContext, type RequestContext, Role } from '@jobcode/common';

import { IssueServiceCodeInput, ServiceCodeTokenInput } from './dto/issue-service-code.input';
import { ScanCount, ScanCountsInput } from './scan-counts';
import { ScanResult } from './scan-result.union';
import { ScanEventRecorder } from './scan-event-recorder';
import { ScanService } from './scan.service';
import { ServiceCodeObject } from './service-code.object';
import { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodesService } from './service-codes.service';

const MANAGERS = [Role.STAFF, Role.ADMIN, Role.EMPLOYER, Role.SEEKER];

@Resolver(() => ServiceCodeObject)
export class ServiceCodesResolver {
  constructor(
    private readonly codes: ServiceCodesService,
    private readonly scans: ScanService,
    private readonly recorder: ScanEventRecorder,
  ) {}

  @Allow(...MANAGERS)
  @Mutation(() => ServiceCodeObject, { description: '为驿站、车间、招聘会、岗位、求职者本人或合同发放一个就业服务码' })
  issueServiceCode(@CurrentActor() actor: Actor, @Args('input') input: IssueServiceCodeInput): Promise<ServiceCodeObject> {
    return this.codes.issue(actor, input);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ServiceCodeObject, { description: '停用一个码（对象本身不受影响）' })
  revokeServiceCode(@CurrentActor() actor: Actor, @Args('input') input: ServiceCodeTokenInput): Promise<ServiceCodeObject> {
    return this.codes.revoke(actor, input.token);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ServiceCodeObject, { description: '换新码：旧码扫出来会提示“已更换”，不再打开对象' })
  rotateServiceCode(@CurrentActor() actor: Actor, @Args('input') input: ServiceCodeTokenInput): Promise<ServiceCodeObject> {
    return this.codes.rotate(actor, input.token);
  }

  @Allow(...MANAGERS)
  @Query(() => [ServiceCodeObject], { description: '一个对象的所有码（含已停用的）' })
  serviceCodes(
    @CurrentActor() actor: Actor,
    @Args('targetKind', { type: () => ServiceCodeTargetKind }) targetKind: ServiceCodeTargetKind,
    @Args('targetId', { type: () => ID }) targetId: string,
  ): Promise<ServiceCodeObject[]> {
    return this.codes.codesOf(actor, targetKind, targetId);
  }

  @Allow(PUBLIC)
  @Query(() => ScanResult, { description: '扫码：返回码所指对象的实时内容。无效、停用、过期的码一律返回同一个 NOT_FOUND。' })
  async scan(
    @ReqContext() context: RequestContext,
    @Args('token', { type: () => String }) token: string,
    @Args('near', { type: () => GeoPointInput, nullable: true, description: '扫码人的位置：岗位按由近到远排列' }) near?: GeoPointInput,
    @Args('atFairId', { type: () => ID, nullable: true, description: '在招聘会现场扫求职者个人码时填写：登记到场' }) atFairId?: string,
  ): Promise<object> {
    return (await this.scans.scan(token, context, 'GRAPHQL', near, atFairId)).view;
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @Query(() => [ScanCount], { description: '扫码统计：每天每个码（或每个驿站、车间…）的扫码次数，限本人管辖范围' })
  async scanCounts(@CurrentActor() actor: Actor, @Args('input') input: ScanCountsInput): Promise<ScanCount[]> {
    await this.recorder.flush();
    return this.scans.counts(actor, input);
  }
}
