import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type Actor, isStaffOrAdmin, maskName, Role } from '@jobcode/common';
import { EmployersService } from '@jobcode/employers';
import { FairBooth, JobFairsService } from '@jobcode/job-sources';
import { RegionScope } from '@jobcode/regions';
import {
  RowTargetAdapter,
  type ScanContext,
  type ScanPage,
  ServiceCodesException,
  ServiceCodesExceptionCode,
  ServiceCodeTargetKind,
  ServiceCodeTargets,
  type TargetFacts,
} from '@jobcode/service-codes';

import { FairAttendance } from './fair-attendance.entity';
import { JobSeeker } from './job-seeker.entity';
import { SeekerScan } from './seeker-scan.object';
import { SeekerAccess, SeekerVisibility } from './seeker-visibility';
import { SeekersService } from './seekers.service';

/**
 * A seeker's personal code (on their phone). Opened only by staff and employers (and the
 * person); each sees what SeekerVisibility allows. Scanned at a job fair by staff or an
 * employer with a booth there, it records the seeker's attendance.
 */
@Injectable()
export class SeekerTarget extends RowTargetAdapter<SeekerScan, JobSeeker> {
  constructor(
    targets: ServiceCodeTargets,
    private readonly dataSource: DataSource,
    private readonly seekers: SeekersService,
    private readonly visibility: SeekerVisibility,
    private readonly fairs: JobFairsService,
    private readonly employers: EmployersService,
    private readonly scope: RegionScope,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.SEEKER, view: SeekerScan, isPublic: false, versioned: false });
  }

  protected find(id: string): Promise<JobSeeker | null> {
    return this.dataSource.manager.findOne(JobSeeker, { where: { id } });
  }

  protected facts(seeker: JobSeeker): TargetFacts {
    return { regionCode: seeker.regionCode, title: `${maskName(seeker.name)}的个人就业服务码` };
  }

  /** The person themself, or staff entitled to their full record. */
  protected mayManage(actor: Actor, seeker: JobSeeker): boolean {
    return this.visibility.accessOf(actor, seeker) === SeekerAccess.FULL;
  }

  async scan(id: string, context: ScanContext): Promise<SeekerScan> {
    const { actor } = context;
    const seeker = await this.find(id);
    if (!seeker) throw new ServiceCodesException(ServiceCodesExceptionCode.TARGET_NOT_FOUND, '此求职者档案已不存在');
    const access = this.visibility.accessOf(actor, seeker);
    const isSelf = actor?.role === Role.SEEKER && access === SeekerAccess.FULL;
    if (!actor || !(isSelf || [Role.STAFF, Role.ADMIN, Role.EMPLOYER].includes(actor.role))) {
      throw new ServiceCodesException(ServiceCodesExceptionCode.NOT_ALLOWED_TO_VIEW, '这是求职者的个人码，只能由工作人员或招聘单位扫码查看');
    }
    const attendanceRecorded = context.atFairId && !isSelf ? await this.recordAttendance(actor, context.atFairId, seeker) : false;
    const full = access === SeekerAccess.FULL;
    return Object.assign(new SeekerScan(), {
      displayName: full ? seeker.name : maskName(seeker.name),
      seeker: full ? this.seekers.toObject(seeker) : null,
      skills: seeker.skills,
      wantedOccupations: seeker.wantedOccupations,
      attendanceRecorded,
    });
  }

  /** Staff covering the fair's region, or an employer holding a booth at it. */
  private async recordAttendance(actor: Actor, fairId: string, seeker: JobSeeker): Promise<boolean> {
    const fair = await this.fairs.requireFair(fairId);
    let allowed = isStaffOrAdmin(actor) && this.scope.covers(actor, fair.regionCode);
    if (actor.role === Role.EMPLOYER) {
      const booths = await this.dataSource.manager.find(FairBooth, { where: { fairId } });
      for (const booth of booths) if (await this.employers.isMember(actor.accountId, booth.employerId)) allowed = true;
    }
    if (!allowed) {
      throw new ServiceCodesException(ServiceCodesExceptionCode.NOT_MANAGER, `只有${fair.name}的工作人员或参会单位可以登记到场求职者`);
    }
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(FairAttendance)
      .values({ fairId, seekerId: seeker.id, recordedBy: actor.accountId })
      .orIgnore()
      .execute();
    return true;
  }

  page(view: SeekerScan): ScanPage {
    return {
      title: view.displayName,
      subtitle: '求职者个人就业服务码',
      facts: [
        ['技能', view.skills.join('、') || '未填写'],
        ['求职意向', view.wantedOccupations.join('、') || '未填写'],
      ],
      sections: [],
      notice: view.attendanceRecorded ? '已登记到场' : undefined,
    };
  }
}
