import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { type Actor, isStaffOrAdmin, maskName, Role } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { employerMemberAccountIds, EmployersService } from '@jobcode/employers';
import { Job, JobKind, JobStatus, JobsService, PUBLIC_WELFARE_SUPPORT_GROUPS } from '@jobcode/jobs';
import { NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker, JobSeekerDeclaredGroup, JobSeekerSupportGroup } from '@jobcode/seekers';

import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { ACTIVE_APPLICATION_STATUSES, APPLICATION_STATUS_WORD, ApplicationStatus } from './application.enums';
import { applicationNotFound, ApplicationsException, ApplicationsExceptionCode } from './applications.exception';
import { ApplyToJobInput } from './dto/apply-to-job.input';
import { ApplicationMove, MoveApplicationInput } from './dto/move-application.input';

const MOVES: Record<ApplicationMove, { from: ApplicationStatus[]; to: ApplicationStatus; verb: string }> = {
  SHORTLIST: { from: [ApplicationStatus.APPLIED], to: ApplicationStatus.SHORTLISTED, verb: '入选' },
  OFFER: { from: [ApplicationStatus.SHORTLISTED], to: ApplicationStatus.OFFERED, verb: '发录用意向' },
  HIRE: { from: [ApplicationStatus.OFFERED], to: ApplicationStatus.HIRED, verb: '录用' },
  REJECT: { from: [ApplicationStatus.APPLIED, ApplicationStatus.SHORTLISTED, ApplicationStatus.OFFERED], to: ApplicationStatus.REJECTED, verb: '标记为不录用' },
  UNDO_HIRE: { from: [ApplicationStatus.HIRED], to: ApplicationStatus.OFFERED, verb: '撤销录用' },
};

/** A move of an application made by a person (withdraw, shortlist, offer, hire, reject), about to be saved. */
export interface ApplicationMoveEvent {
  /** Locked (SELECT … FOR UPDATE) and still in its `from` status. */
  application: Application;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actorAccountId: string;
  reason: string | null;
}

/**
 * Called inside the transaction of the move, after the application's row is locked and the
 * move checked, before it is saved: it may refuse the move (throw an AppError) or update what
 * depends on the application in the same transaction (contracts cancel an open contract).
 * Features that depend on applications register one in `onModuleInit`, so that applications
 * need not know them.
 */
export type ApplicationMoveListener = (manager: EntityManager, move: ApplicationMoveEvent) => Promise<void>;

/**
 * Applications (报名) and their history. A seeker applies for themself; staff apply at the
 * desk for a seeker of their region with the seeker's consent recorded. The employer of the
 * job (staff for public-welfare posts) moves it along; the seeker may withdraw.
 */
@Injectable()
export class ApplicationsService implements OnModuleInit {
  private readonly moveListeners: ApplicationMoveListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly employers: EmployersService,
    private readonly scope: RegionScope,
    private readonly settings: CountySettingsService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
  ) {}

  onModuleInit(): void {
    this.templates.register({ key: 'application.received', title: '收到新的报名', text: '{seeker}报名了“{job}”岗位，请登录就业服务码平台查看并处理。' });
  }

  async apply(actor: Actor, input: ApplyToJobInput): Promise<Application> {
    const seeker = await this.applicant(actor, input);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const job = await manager.findOne(Job, { where: { id: input.jobId } });
        if (!job || this.jobs.effectiveStatus(job) !== JobStatus.OPEN) {
          throw new ApplicationsException(
            ApplicationsExceptionCode.JOB_NOT_OPEN,
            '这个岗位目前不在招聘中（可能已招满、关闭或过期），不能报名；请看看其他岗位',
            {
              field: 'input.jobId',
            },
          );
        }
        if (job.kind === JobKind.PUBLIC_WELFARE) await this.assertSupportGroup(manager, job, seeker);
        const application = await manager.save(
          manager.create(Application, {
            jobId: job.id,
            employerId: job.employerId,
            regionCode: job.regionCode,
            jobSeekerId: seeker.id,
            status: ApplicationStatus.APPLIED,
            message: input.message?.trim() ?? '',
            appliedByStaff: actor.role !== Role.SEEKER,
            consentNote: actor.role !== Role.SEEKER ? (input.consentNote?.trim() ?? null) : null,
            createdBy: actor.accountId,
          }),
        );
        await this.record(manager, application, null, actor.accountId, null);
        // The employer's people are told in the same transaction (sent by the outbox after commit).
        await this.notifications.sendToAccounts(manager, await employerMemberAccountIds(manager, job.employerId), {
          template: 'application.received',
          params: { seeker: maskName(seeker.name), job: job.title },
          idempotencyKey: `application:${application.id}:received`,
        });
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'application_one_active')) {
        throw new ApplicationsException(ApplicationsExceptionCode.ALREADY_APPLIED, '已经报名过这个岗位，请在“我的报名”查看进度，不必重复报名', {
          field: 'input.jobId',
        });
      }
      throw error;
    }
  }

  /** The seeker who applies: the caller's own profile, or (staff) the named seeker of their region with consent. */
  private async applicant(actor: Actor, input: ApplyToJobInput): Promise<JobSeeker> {
    if (actor.role === Role.SEEKER) {
      if (input.jobSeekerId) {
        throw new ApplicationsException(ApplicationsExceptionCode.NO_SEEKER_PROFILE, '求职者本人报名时不填 jobSeekerId', { field: 'input.jobSeekerId' });
      }
      const own = await this.dataSource.manager.findOne(JobSeeker, { where: { accountId: actor.accountId } });
      if (!own) throw new ApplicationsException(ApplicationsExceptionCode.NO_SEEKER_PROFILE, '请先完成求职登记，再报名岗位');
      return own;
    }
    if (!input.jobSeekerId) {
      throw new ApplicationsException(ApplicationsExceptionCode.NO_SEEKER_PROFILE, '代为报名时请选择求职者（jobSeekerId）', { field: 'input.jobSeekerId' });
    }
    if (!input.consentNote?.trim()) {
      throw new ApplicationsException(
        ApplicationsExceptionCode.CONSENT_REQUIRED,
        '代为报名须征得本人同意：请在 consentNote 写明本人如何同意（如“本人到场口头同意”）',
        {
          field: 'input.consentNote',
        },
      );
    }
    const seeker = await this.dataSource.manager.findOne(JobSeeker, { where: { id: input.jobSeekerId } });
    if (!seeker || !this.scope.covers(actor, seeker.regionCode)) {
      throw new ApplicationsException(ApplicationsExceptionCode.NO_SEEKER_PROFILE, '没有找到这位求职者，或不在您的管辖区域', { field: 'input.jobSeekerId' });
    }
    return seeker;
  }

  private async assertSupportGroup(manager: EntityManager, job: Job, seeker: JobSeeker): Promise<void> {
    const allowed = await this.settings.get(PUBLIC_WELFARE_SUPPORT_GROUPS, job.regionCode, manager);
    const member = await manager.exists(JobSeekerSupportGroup, { where: { jobSeekerId: seeker.id, supportGroupCode: In(allowed) } });
    if (!member) {
      const declared = await manager.find(JobSeekerDeclaredGroup, { where: { jobSeekerId: seeker.id, supportGroupCode: In(allowed) } });
      if (declared.length) {
        throw new ApplicationsException(
          ApplicationsExceptionCode.NOT_IN_SUPPORT_GROUP,
          `您自报的帮扶类别（${declared.map((d) => d.supportGroupCode).join('、')}）还在等待村或乡镇工作人员确认，确认后才能报名公益性岗位；请联系工作人员核实`,
          { details: { supportGroups: allowed, awaitingConfirmation: declared.map((d) => d.supportGroupCode) } },
        );
      }
      throw new ApplicationsException(
        ApplicationsExceptionCode.NOT_IN_SUPPORT_GROUP,
        `公益性岗位只面向本县规定的帮扶群体（${allowed.join('、')}）；如您属于其中之一但登记里没有，请联系村或乡镇工作人员更新求职登记`,
        { details: { supportGroups: allowed } },
      );
    }
  }

  /** SHORTLIST, OFFER, HIRE, REJECT by the job's employer, or staff whose region holds the job. */
  async move(actor: Actor, input: MoveApplicationInput): Promise<Application> {
    const move = MOVES[input.move];
    const reason = input.reason?.trim() || null;
    if (input.move === ApplicationMove.REJECT && !reason) {
      throw new ApplicationsException(ApplicationsExceptionCode.REASON_REQUIRED, '不录用时请填写原因（reason），求职者会看到', { field: 'input.reason' });
    }
    if (input.move === ApplicationMove.UNDO_HIRE && !reason) {
      throw new ApplicationsException(ApplicationsExceptionCode.REASON_REQUIRED, '撤销录用时请填写原因（reason），求职者会看到', { field: 'input.reason' });
    }
    return inTransaction(this.dataSource, async (manager) => {
      const application = await this.requireManageable(actor, input.applicationId, manager, true);
      return this.movedByPerson(manager, application, move.from, move.to, move.verb, actor.accountId, reason);
    });
  }

  /**
   * The seeker withdraws their own application, before being hired; an open contract of it
   * is cancelled in the same transaction. Once hired, the way out is ending the contract.
   */
  async withdraw(actor: Actor, applicationId: string): Promise<Application> {
    return inTransaction(this.dataSource, async (manager) => {
      const application = await manager.findOne(Application, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!application || !(await this.isOwnSeeker(actor, application.jobSeekerId, manager))) throw applicationNotFound();
      if (application.status === ApplicationStatus.HIRED) {
        throw new ApplicationsException(
          ApplicationsExceptionCode.INVALID_TRANSITION,
          '您已被录用，报名不能再撤回；如不再继续工作，请与用人单位协商解除或终止劳动合同（合同终止后会记录在“我的合同”里）',
          { details: { status: application.status } },
        );
      }
      return this.movedByPerson(
        manager,
        application,
        [ApplicationStatus.APPLIED, ApplicationStatus.SHORTLISTED, ApplicationStatus.OFFERED],
        ApplicationStatus.WITHDRAWN,
        '撤回',
        actor.accountId,
        null,
      );
    });
  }

  /** Registers a listener of moves made by people (see ApplicationMoveListener). */
  onMove(listener: ApplicationMoveListener): void {
    this.moveListeners.push(listener);
  }

  /** A move asked for by a person: checked, shown to the listeners (who may refuse it), then saved with its history. */
  private async movedByPerson(
    manager: EntityManager,
    application: Application,
    from: ApplicationStatus[],
    to: ApplicationStatus,
    verb: string,
    actorAccountId: string,
    reason: string | null,
  ): Promise<Application> {
    this.assertMove(application, from, to, verb);
    for (const listener of this.moveListeners) await listener(manager, { application, from: application.status, to, actorAccountId, reason });
    return this.transition(manager, application, from, to, verb, actorAccountId, reason);
  }

  private assertMove(application: Application, from: ApplicationStatus[], to: ApplicationStatus, verb: string): void {
    if (!from.includes(application.status)) {
      throw new ApplicationsException(ApplicationsExceptionCode.INVALID_TRANSITION, `报名当前为“${APPLICATION_STATUS_WORD[application.status]}”，不能${verb}`, {
        details: { status: application.status, to },
      });
    }
  }

  /**
   * Moves an application in the caller's transaction (used by contracts: an offered contract
   * makes it OFFERED, an ACTIVE contract HIRED). Refuses a move from any other status. Move
   * listeners are not called: the caller is the feature that would listen.
   */
  async transition(
    manager: EntityManager,
    application: Application,
    from: ApplicationStatus[],
    to: ApplicationStatus,
    verb: string,
    actorAccountId: string | null,
    reason: string | null,
  ): Promise<Application> {
    this.assertMove(application, from, to, verb);
    const previous = application.status;
    application.status = to;
    if (to === ApplicationStatus.REJECTED) application.rejectionReason = reason;
    const saved = await manager.save(application);
    await this.record(manager, saved, previous, actorAccountId, reason);
    if (previous === ApplicationStatus.HIRED || to === ApplicationStatus.HIRED) await this.jobs.settleHires(manager, application.jobId);
    return saved;
  }

  private async record(manager: EntityManager, application: Application, from: ApplicationStatus | null, actorAccountId: string | null, reason: string | null) {
    await manager.insert(ApplicationEvent, { applicationId: application.id, fromStatus: from, toStatus: application.status, actorAccountId, reason });
  }

  /** The application if the actor acts for the job's side (employer member, or staff of the job's region); NOT_FOUND otherwise. */
  async requireManageable(actor: Actor, applicationId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Application> {
    const application = await manager.findOne(Application, { where: { id: applicationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!application || !(await this.actsForJobSide(actor, application, manager))) throw applicationNotFound();
    return application;
  }

  /** Employer members of the job's employer; staff and admins whose region holds the job. */
  async actsForJobSide(
    actor: Actor,
    ref: { employerId: string | null; regionCode: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (actor.role === Role.EMPLOYER) return ref.employerId !== null && this.employers.isMember(actor.accountId, ref.employerId, manager);
    if (isStaffOrAdmin(actor)) return this.scope.covers(actor, ref.regionCode);
    return false;
  }

  async isOwnSeeker(actor: Actor, jobSeekerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (actor.role !== Role.SEEKER) return false;
    return manager.exists(JobSeeker, { where: { id: jobSeekerId, accountId: actor.accountId } });
  }

  /** The caller's own applications (a seeker's), newest first. */
  async mine(actor: Actor, limit = 100): Promise<Application[]> {
    return this.dataSource.manager
      .createQueryBuilder(Application, 'a')
      .innerJoin(JobSeeker, 's', 's.id = a.job_seeker_id')
      .where('s.account_id = :me', { me: actor.accountId })
      .orderBy('a.created_at', 'DESC')
      .take(limit)
      .getMany();
  }

  /** The applications to one job, for its employer's members and staff of its region; others get NOT_FOUND. */
  async ofJob(actor: Actor, jobId: string, limit = 200): Promise<Application[]> {
    const job = await this.dataSource.manager.findOne(Job, { where: { id: jobId } });
    if (!job || !(await this.actsForJobSide(actor, job))) throw applicationNotFound();
    return this.dataSource.manager.find(Application, { where: { jobId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** One application as its seeker, the job's employer or staff of the region sees it. */
  async requireVisible(actor: Actor, applicationId: string): Promise<Application> {
    const application = await this.dataSource.manager.findOne(Application, { where: { id: applicationId } });
    if (!application) throw applicationNotFound();
    if (await this.isOwnSeeker(actor, application.jobSeekerId)) return application;
    if (await this.actsForJobSide(actor, application)) return application;
    throw applicationNotFound();
  }

  async history(applicationIds: readonly string[]): Promise<Map<string, ApplicationEvent[]>> {
    const events = await this.dataSource.manager.find(ApplicationEvent, { where: { applicationId: In([...applicationIds]) }, order: { createdAt: 'ASC' } });
    const byApplication = new Map<string, ApplicationEvent[]>();
    for (const event of events) byApplication.set(event.applicationId, [...(byApplication.get(event.applicationId) ?? []), event]);
    return byApplication;
  }

  /** Whether the seeker applied to a job of one of the employers the account is a member of (for SeekerVisibility). */
  async appliedToEmployerOf(accountId: string, jobSeekerId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM application a JOIN employer_member m ON m.employer_id = a.employer_id
        WHERE a.job_seeker_id = $1 AND m.account_id = $2 AND a.status = ANY($3) LIMIT 1`,
      [jobSeekerId, accountId, ACTIVE_APPLICATION_STATUSES],
    );
    return rows.length > 0;
  }
}
