import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import {
  type Actor,
  badInput,
  type ConnectionShape,
  countyToday,
  keysetConnection,
  type KeysetOrder,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  parseRegionCode,
  type RequestContext,
  Role,
} from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { PersonalDataAccessLog, PersonalDataCipher, PersonalDataField } from '@jobcode/personal-data';
import { PhoneCodePurpose, PhoneCodesService } from '@jobcode/phone-codes';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { ClaimJobSeekerInput } from './dto/claim-job-seeker.input';
import { JobSeekersArgs } from './dto/job-seekers.args';
import { RegisterJobSeekerInput } from './dto/register-job-seeker.input';
import { ReviewSupportGroupsInput } from './dto/review-support-groups.input';
import { UpdateJobSeekerInput } from './dto/update-job-seeker.input';
import { type DraftProblem, type JobSeekerDraft, validateDraft, type ValidJobSeeker } from './job-seeker-draft';
import { JobSeekerDeclaredGroup } from './job-seeker-declared-group.entity';
import { JobSeekerSupportGroup } from './job-seeker-support-group.entity';
import { JobSeeker } from './job-seeker.entity';
import { EmploymentStatus, RegistrationChannel } from './job-seeker.enums';
import { type JobSeekerObject } from './job-seeker.object';
import { type PersonalDataReadObject } from './personal-data-read.object';
import { seekerProfile } from './seeker-profile';
import { JobSeekerRepository } from './job-seeker.repository';
import { SeekerVisibility } from './seeker-visibility';
import { seekerNotFound, SeekersException, SeekersExceptionCode } from './seekers.exception';
import { SupportGroupsService } from './support-groups.service';

export const SUBJECT_KIND = 'JobSeeker';
/** Fields a change may leave out but not clear. */
const REQUIRED_FIELDS = ['name', 'phone', 'regionCode', 'laborCapacity', 'consentToRecommend', 'employmentStatus'] as const;
/** The purpose recorded when a reader asks for a full value without saying why. */
export const DEFAULT_PURPOSE = '就业服务（未注明具体用途）';
/** The purpose recorded when an employer reads an applicant's phone without saying why. */
export const EMPLOYER_DEFAULT_PURPOSE = '联系报名人（用人单位）';

@Injectable()
export class SeekersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: JobSeekerRepository,
    private readonly groups: SupportGroupsService,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly visibility: SeekerVisibility,
    private readonly cipher: PersonalDataCipher,
    private readonly personalDataLog: PersonalDataAccessLog,
    private readonly phoneCodes: PhoneCodesService,
  ) {}

  /** The validation context: the division tree and the support groups, both cached in memory. */
  async draftContext() {
    const groups = await this.groups.all();
    const regions = new Map((await this.regions.descendants('')).map((r) => [r.code, r]));
    return { groups, region: (code: string) => regions.get(code) };
  }

  private async validate(draft: JobSeekerDraft): Promise<ValidJobSeeker> {
    const { value, problems } = validateDraft(draft, await this.draftContext());
    if (!value) throw this.firstProblem(problems);
    return value;
  }

  private firstProblem(problems: DraftProblem[]) {
    const [first] = problems;
    return badInput(first.message, { field: `input.${first.field}`, reason: first.reason ?? SeekersExceptionCode.INVALID_FIELD });
  }

  /**
   * 求职登记. A SEEKER registers themself (linked to their account, once); STAFF register
   * a person of their region at the desk. The same ID number twice is a CONFLICT that
   * names the existing record to whoever may see it.
   */
  async register(actor: Actor, input: RegisterJobSeekerInput): Promise<JobSeeker> {
    const self = actor.role === Role.SEEKER;
    if (self && input.employmentStatus) {
      throw new SeekersException(SeekersExceptionCode.STAFF_ONLY_FIELD, '就业状态由工作人员核实填写，本人登记时请不要填写', {
        field: 'input.employmentStatus',
      });
    }
    const seeker = await this.validate(input);
    if (!self) await this.scope.assertCovers(actor, seeker.regionCode);
    // Groups a person declares for themself wait for staff to confirm them (job_seeker_declared_group).
    const sealed = this.repository.seal(self ? { ...seeker, supportGroupCodes: [] } : seeker, {
      accountId: self ? actor.accountId : null,
      registeredBy: actor.accountId,
      channel: self ? RegistrationChannel.SELF : RegistrationChannel.DESK,
    });
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        if (self && (await manager.exists(JobSeeker, { where: { accountId: actor.accountId } }))) throw this.profileExists();
        const created = await this.repository.insertMany(manager, [sealed]);
        const id = created.get(sealed.id_number_hash);
        if (!id) throw await this.alreadyRegistered(actor, sealed.id_number_hash, manager);
        if (self && seeker.supportGroupCodes.length) {
          await manager.insert(
            JobSeekerDeclaredGroup,
            seeker.supportGroupCodes.map((code) => ({ jobSeekerId: id, supportGroupCode: code })),
          );
        }
        return manager.findOneOrFail(JobSeeker, { where: { id } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.profileExists();
      throw error;
    }
  }

  private profileExists() {
    return new SeekersException(SeekersExceptionCode.PROFILE_EXISTS, '您的账号已有求职登记，请在“我的求职信息”里修改，不必重新登记');
  }

  private async alreadyRegistered(actor: Actor, idNumberHash: string, manager: EntityManager) {
    const existing = await manager.findOne(JobSeeker, { where: { idNumberHash } });
    if (existing && this.visibility.canSee(actor, existing)) {
      return new SeekersException(
        SeekersExceptionCode.ALREADY_REGISTERED,
        `此身份证号已于 ${countyToday(existing.createdAt)} 登记（${existing.name}），请打开已有登记修改，不要重复登记`,
        {
          field: 'input.idNumber',
          details: { existingJobSeekerId: existing.id },
        },
      );
    }
    const hint =
      actor.role === Role.SEEKER && existing && !existing.accountId
        ? '如是本人，工作人员已为您代登记，请用“认领登记”核对姓名和身份证号后绑定到本账号'
        : '如有疑问请联系户籍所在村或乡镇的工作人员';
    return new SeekersException(SeekersExceptionCode.ALREADY_REGISTERED, `此身份证号已经登记过求职信息，不能重复登记。${hint}`, { field: 'input.idNumber' });
  }

  /**
   * A SEEKER account takes over a desk-registered record by proving name, ID number and
   * control of the phone on record (a code texted to it, purpose CLAIM). A person whose
   * phone changed has staff correct it at the desk first (updateJobSeeker), then claims.
   */
  async claim(actor: Actor, input: ClaimJobSeekerInput): Promise<JobSeeker> {
    const id = parseIdNumber(input.idNumber, 'input.idNumber');
    const mismatch = () =>
      new SeekersException(SeekersExceptionCode.CLAIM_MISMATCH, '没有找到姓名和身份证号都相符、且尚未认领的求职登记；请核对后重试，或到村、乡镇求职登记区办理');
    const idNumberHash = this.repository.idNumberHash(id.idNumber);
    const found = await this.dataSource.manager.findOne(JobSeeker, { where: { idNumberHash } });
    if (!found || found.accountId || found.name !== input.name.trim().replace(/\s+/g, '')) throw mismatch();
    const phoneOnRecord = this.cipher.decrypt(found.phoneEncrypted);
    return this.phoneCodes.consume(
      phoneOnRecord,
      PhoneCodePurpose.CLAIM,
      input.code,
      async (manager) => {
        if (await manager.exists(JobSeeker, { where: { accountId: actor.accountId } })) throw this.profileExists();
        const seeker = await manager.findOne(JobSeeker, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
        if (!seeker || seeker.accountId) throw mismatch();
        seeker.accountId = actor.accountId;
        try {
          return await manager.save(seeker);
        } catch (error) {
          if (isUniqueViolation(error)) throw this.profileExists();
          throw error;
        }
      },
      {
        missingMessage: `请先获取验证码：验证码发到登记时留的手机号（${maskPhone(phoneOnRecord)}）；手机号已更换的，请带身份证到村或乡镇工作人员处更新手机号后再认领`,
      },
    );
  }

  async update(actor: Actor, input: UpdateJobSeekerInput): Promise<JobSeeker> {
    if (actor.role === Role.SEEKER && input.employmentStatus) {
      throw new SeekersException(SeekersExceptionCode.STAFF_ONLY_FIELD, '就业状态由工作人员核实后修改', { field: 'input.employmentStatus' });
    }
    // Everything read beside the row (support groups, the division tree) is read before the
    // transaction: on the embedded database a query beside an open transaction is refused.
    const context = await this.draftContext();
    const outcome = await inTransaction(this.dataSource, async (manager): Promise<{ saved: JobSeeker } | { outOfRegion: string }> => {
      const seeker = await manager.findOne(JobSeeker, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!seeker || !this.visibility.mayEdit(actor, seeker)) throw seekerNotFound();
      if (seeker.processingRestrictedAt) {
        throw new SeekersException(SeekersExceptionCode.PROCESSING_RESTRICTED, '本人已申请删除个人信息：依法保存的记录只作存储，不能再修改', {
          field: 'input.id',
        });
      }
      const currentGroups = (await manager.find(JobSeekerSupportGroup, { where: { jobSeekerId: seeker.id } })).map((g) => g.supportGroupCode);
      for (const field of REQUIRED_FIELDS) {
        if (input[field] === null) throw badInput('此项不能清空；不修改时请不要传这个字段', { field: `input.${field}` });
      }
      const merged: JobSeekerDraft = {
        ...this.draftOf(seeker, currentGroups),
        ...Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== 'id' && value !== undefined)),
      };
      const { value: valid, problems } = validateDraft(merged, context);
      if (!valid) throw this.firstProblem(problems);
      if (valid.regionCode !== seeker.regionCode && actor.role !== Role.SEEKER && !this.scope.covers(actor, valid.regionCode)) {
        return { outOfRegion: valid.regionCode };
      }
      const sealed = this.repository.seal(valid, { accountId: seeker.accountId, registeredBy: seeker.registeredBy, channel: seeker.channel });
      Object.assign(seeker, {
        name: valid.name,
        phoneHash: input.phone !== undefined ? sealed.phone_hash : seeker.phoneHash,
        phoneEncrypted: input.phone !== undefined ? sealed.phone_encrypted : seeker.phoneEncrypted,
        regionCode: valid.regionCode,
        laborCapacity: valid.laborCapacity,
        education: valid.education,
        skills: valid.skills,
        wantedOccupations: valid.wantedOccupations,
        wantedWage: valid.wantedWage,
        wantedWageUnit: valid.wantedWageUnit,
        willingOutsideCounty: valid.willingOutsideCounty,
        willingOutsideProvince: valid.willingOutsideProvince,
        mustStayNearHome: valid.mustStayNearHome,
        availableFrom: valid.availableFrom,
        trainingWanted: valid.trainingWanted,
        consentToRecommend: valid.consentToRecommend,
        employmentStatus: valid.employmentStatus,
      } satisfies Partial<JobSeeker>);
      const saved = await manager.save(seeker);
      if (input.supportGroupCodes !== undefined) await this.replaceGroups(manager, actor, seeker.id, currentGroups, valid.supportGroupCodes);
      return { saved };
    });
    if ('outOfRegion' in outcome) {
      await this.scope.assertCovers(actor, outcome.outOfRegion);
      throw seekerNotFound();
    }
    return outcome.saved;
  }

  /**
   * Staff set the confirmed groups (and whatever they confirm leaves the declared ones). A
   * seeker's own list changes only their declarations, waiting for staff: the groups staff
   * confirmed stay as they are.
   */
  private async replaceGroups(manager: EntityManager, actor: Actor, seekerId: string, confirmed: string[], wanted: string[]): Promise<void> {
    if (actor.role === Role.SEEKER) {
      const declared = wanted.filter((code) => !confirmed.includes(code));
      await manager.delete(JobSeekerDeclaredGroup, { jobSeekerId: seekerId, ...(declared.length ? { supportGroupCode: Not(In(declared)) } : {}) });
      if (declared.length) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(JobSeekerDeclaredGroup)
          .values(declared.map((code) => ({ jobSeekerId: seekerId, supportGroupCode: code })))
          .orIgnore()
          .execute();
      }
      return;
    }
    await manager.delete(JobSeekerSupportGroup, { jobSeekerId: seekerId });
    if (wanted.length) {
      await manager.insert(
        JobSeekerSupportGroup,
        wanted.map((code) => ({ jobSeekerId: seekerId, supportGroupCode: code })),
      );
      await manager.delete(JobSeekerDeclaredGroup, { jobSeekerId: seekerId, supportGroupCode: In(wanted) });
    }
  }

  /**
   * Staff review what a seeker of their region declared: confirmed groups start to count (in
   * figures, subsidies and eligibility), rejected ones are dropped. A code that is not waiting
   * is refused by name.
   */
  async reviewDeclaredGroups(actor: Actor, input: ReviewSupportGroupsInput): Promise<JobSeeker> {
    return inTransaction(this.dataSource, async (manager) => {
      const seeker = await manager.findOne(JobSeeker, { where: { id: input.jobSeekerId }, lock: { mode: 'pessimistic_write' } });
      if (!seeker || !this.visibility.mayEdit(actor, seeker)) throw seekerNotFound();
      const waiting = (await manager.find(JobSeekerDeclaredGroup, { where: { jobSeekerId: seeker.id } })).map((g) => g.supportGroupCode);
      const confirm = [...new Set(input.confirm ?? [])];
      const reject = [...new Set(input.reject ?? [])];
      const both = confirm.filter((code) => reject.includes(code));
      if (both.length) throw badInput(`同一类别不能既确认又驳回：${both.join('、')}`, { field: 'input.reject' });
      const stray = [...confirm, ...reject].filter((code) => !waiting.includes(code));
      if (stray.length) {
        throw badInput(`这些类别不在本人自报、待确认的类别中：${stray.join('、')}（待确认：${waiting.join('、') || '无'}）`, { field: 'input.confirm' });
      }
      if (confirm.length) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(JobSeekerSupportGroup)
          .values(confirm.map((code) => ({ jobSeekerId: seeker.id, supportGroupCode: code })))
          .orIgnore()
          .execute();
      }
      if (confirm.length || reject.length)
        await manager.delete(JobSeekerDeclaredGroup, { jobSeekerId: seeker.id, supportGroupCode: In([...confirm, ...reject]) });
      return seeker;
    });
  }

  private draftOf(seeker: JobSeeker, supportGroupCodes: string[]): JobSeekerDraft {
    return {
      ...seeker,
      idNumber: this.cipher.decrypt(seeker.idNumberEncrypted),
      phone: this.cipher.decrypt(seeker.phoneEncrypted),
      supportGroupCodes,
    };
  }

  /** One seeker, for anyone the visibility rule lets see them; NOT_FOUND otherwise (existence is not revealed). */
  async findVisible(actor: Actor, id: string): Promise<JobSeeker> {
    const seeker = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.manager.findOne(JobSeeker, { where: { id } }) : null;
    if (!seeker || !(await this.visibility.canSeeNow(actor, seeker))) throw seekerNotFound();
    return seeker;
  }

  /** Sets a seeker's employment status inside the caller's transaction (placements keep it current). */
  async setEmploymentStatus(manager: EntityManager, jobSeekerId: string, status: EmploymentStatus): Promise<void> {
    await manager.update(JobSeeker, { id: jobSeekerId }, { employmentStatus: status });
  }

  async mine(actor: Actor): Promise<JobSeeker | null> {
    return this.dataSource.manager.findOne(JobSeeker, { where: { accountId: actor.accountId } });
  }

  /** Staff list: their region (or a subtree of it), filtered, newest first, Relay-paged. */
  async list(actor: Actor, args: JobSeekersArgs): Promise<ConnectionShape<JobSeekerObject>> {
    const filter = args.filter ?? {};
    const qb = this.dataSource.manager.createQueryBuilder(JobSeeker, 's').where('s.processing_restricted_at IS NULL');
    this.scope.restrict(qb, 's.region_code', actor);
    if (filter.regionCode) {
      const code = parseRegionCode(filter.regionCode, 'filter.regionCode');
      await this.scope.assertCovers(actor, code);
      qb.andWhere('s.region_code LIKE :regionPrefix', { regionPrefix: `${code}%` });
    }
    if (filter.supportGroup) {
      qb.andWhere('EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id AND g.support_group_code = :group)', {
        group: filter.supportGroup,
      });
    }
    if (filter.awaitingGroupConfirmation) qb.andWhere('EXISTS (SELECT 1 FROM job_seeker_declared_group d WHERE d.job_seeker_id = s.id)');
    if (filter.laborCapacity) qb.andWhere('s.labor_capacity = :capacity', { capacity: filter.laborCapacity });
    if (filter.employmentStatus) qb.andWhere('s.employment_status = :status', { status: filter.employmentStatus });
    if (filter.wantsTraining !== undefined && filter.wantsTraining !== null) {
      qb.andWhere(filter.wantsTraining ? 'cardinality(s.training_wanted) > 0' : 'cardinality(s.training_wanted) = 0');
    }
    if (filter.idNumber?.trim()) {
      const id = parseIdNumber(filter.idNumber.trim().toUpperCase(), 'filter.idNumber');
      qb.andWhere('s.id_number_hash = :idNumberHash', { idNumberHash: this.repository.idNumberHash(id.idNumber) });
    }
    if (filter.name?.trim()) qb.andWhere('s.name LIKE :name', { name: `${filter.name.trim().replace(/[%_\\]/g, '\\$&')}%` });
    const newestFirst: KeysetOrder = {
      keys: [
        { column: 's.created_at', type: 'timestamptz' },
        { column: 's.id', type: 'uuid' },
      ],
      direction: 'DESC',
    };
    return keysetConnection(qb, args, newestFirst, (row) => this.toObject(row));
  }

  toObject(seeker: JobSeeker): JobSeekerObject {
    return {
      id: seeker.id,
      name: seeker.name,
      birthDate: seeker.birthDate,
      sex: seeker.sex,
      regionCode: seeker.regionCode,
      ...seekerProfile(seeker),
      channel: seeker.channel,
      claimed: seeker.accountId !== null,
      createdAt: seeker.createdAt,
      updatedAt: seeker.updatedAt,
      idNumberEncrypted: seeker.idNumberEncrypted,
      phoneEncrypted: seeker.phoneEncrypted,
      accountId: seeker.accountId,
    };
  }

  /**
   * The ID number or phone of a seeker as this reader may see it: masked, or — when they
   * ask for it and are entitled — in full, with the read written to the access log.
   */
  async reveal(context: RequestContext, seeker: JobSeekerObject, field: PersonalDataField, full: boolean, purpose?: string | null): Promise<string> {
    const value = this.cipher.decrypt(field === PersonalDataField.ID_NUMBER ? seeker.idNumberEncrypted : seeker.phoneEncrypted);
    const mask = field === PersonalDataField.ID_NUMBER ? maskIdNumber : maskPhone;
    if (!full || !(await this.visibility.mayReadFieldNow(context.actor, seeker, field))) return mask(value);
    const defaultPurpose = context.actor?.role === Role.EMPLOYER ? EMPLOYER_DEFAULT_PURPOSE : DEFAULT_PURPOSE;
    await this.personalDataLog.logRead(context, {
      subjectKind: SUBJECT_KIND,
      subjectId: seeker.id,
      field,
      purpose: purpose?.trim() || defaultPurpose,
      channel: field === PersonalDataField.ID_NUMBER ? 'JobSeeker.idNumber' : 'JobSeeker.phone',
    });
    return value;
  }

  /** Who read the full ID number or phone of a seeker: for the person themself and for staff entitled to full values. */
  async dataReads(actor: Actor, id: string, limit: number): Promise<PersonalDataReadObject[]> {
    const seeker = await this.findVisible(actor, id);
    if (!this.visibility.mayReadFull(actor, seeker)) throw seekerNotFound();
    const reads = await this.personalDataLog.readsOf(seeker.id, limit);
    return reads.map((r) => ({ at: r.at, field: r.field, purpose: r.purpose, channel: r.channel, readerRole: r.role as Role, readerAccountId: r.accountId }));
  }

  mayReadFull(actor: Actor | undefined, seeker: JobSeekerObject): boolean {
    return this.visibility.mayReadFull(actor, seeker);
  }
}
