import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccountsService } from '@jobcode/accounts';
import {
  type Actor,
  type ConnectionShape,
  forbidden,
  keysetConnection,
  type KeysetOrder,
  maskPhone,
  parseCreditCode,
  parsePhone,
  RegionLevel,
  Role,
} from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { RegisterEmployerInput } from './dto/register-employer.input';
import { UpdateEmployerInput } from './dto/update-employer.input';
import { EmployerAccountObject } from './employer-account.object';
import { EmployerMember } from './employer-member.entity';
import { Employer, EmployerStatus } from './employer.entity';
import { EmployerObject } from './employer.object';
import { EmployersException, EmployersExceptionCode } from './employers.exception';

/** A company has a handful of accounts; the list is cut here all the same. */
export const MAX_EMPLOYER_ACCOUNTS = 200;

export interface EmployerFilter {
  regionCode?: string;
  status?: EmployerStatus;
  first?: number;
  after?: string;
}

/** True for ADMIN and for STAFF scoped to a whole county (or wider): the people who review employers and certify workshops. */
export function isCountyStaff(actor: Actor): boolean {
  return actor.role === Role.ADMIN || (actor.role === Role.STAFF && actor.regionCode !== null && actor.regionCode.length <= 6);
}

/** Lists page newest first. */
const NEWEST_FIRST: KeysetOrder = {
  keys: [
    { column: 'e.created_at', type: 'timestamptz' },
    { column: 'e.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

@Injectable()
export class EmployersService {
  private readonly logger = new Logger(EmployersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * An EMPLOYER account registers its own employer (and becomes its member), or staff
   * register one on its behalf inside their region. County staff vouch for what they
   * register (it starts VERIFIED); everything else waits for county review.
   */
  async register(actor: Actor, input: RegisterEmployerInput): Promise<Employer> {
    const creditCode = parseCreditCode(input.creditCode, 'input.creditCode');
    const phone = parsePhone(input.contactPhone, 'input.contactPhone');
    const region = await this.regions.require(input.regionCode, 'input.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
    const byStaff = actor.role === Role.STAFF || actor.role === Role.ADMIN;
    if (byStaff) await this.scope.assertCovers(actor, region.code);
    const vouched = byStaff && isCountyStaff(actor);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const employer = await manager.save(
          manager.create(Employer, {
            name: input.name.trim(),
            creditCode,
            contactName: input.contactName.trim(),
            contactPhoneEncrypted: this.cipher.encrypt(phone),
            regionCode: region.code,
            address: input.address.trim(),
            legalRepresentative: input.legalRepresentative?.trim() || null,
            status: vouched ? EmployerStatus.VERIFIED : EmployerStatus.PENDING,
            reviewedAt: vouched ? new Date() : null,
            reviewedBy: vouched ? actor.accountId : null,
            registeredBy: actor.accountId,
          }),
        );
        if (actor.role === Role.EMPLOYER) await manager.insert(EmployerMember, { employerId: employer.id, accountId: actor.accountId, isAdmin: true });
        return employer;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EmployersException(
          EmployersExceptionCode.CREDIT_CODE_TAKEN,
          `统一社会信用代码 ${creditCode} 已登记过；如果这是您的单位，请联系县人社局把您的账号关联到该单位`,
          { field: 'input.creditCode' },
        );
      }
      throw error;
    }
  }

  async verify(actor: Actor, employerId: string): Promise<Employer> {
    return this.review(actor, employerId, EmployerStatus.VERIFIED, null);
  }

  async reject(actor: Actor, employerId: string, reason: string): Promise<Employer> {
    return this.review(actor, employerId, EmployerStatus.REJECTED, reason.trim());
  }

  private async review(actor: Actor, employerId: string, to: EmployerStatus, reason: string | null): Promise<Employer> {
    if (!isCountyStaff(actor)) throw forbidden('用人单位由县人社局工作人员审核；乡镇、村工作人员请把材料转交县人社局', { reason: 'COUNTY_STAFF_ONLY' });
    return inTransaction(this.dataSource, async (manager) => {
      const employer = await manager.findOne(Employer, { where: { id: employerId }, lock: { mode: 'pessimistic_write' } });
      if (!employer) throw this.notFound();
      await this.scope.assertCovers(actor, employer.regionCode);
      if (employer.status === to) {
        const word = to === EmployerStatus.VERIFIED ? '已审核通过' : '已是审核未通过状态';
        throw new EmployersException(EmployersExceptionCode.ALREADY_REVIEWED, `${employer.name}${word}，无需重复操作`);
      }
      employer.status = to;
      employer.rejectionReason = reason;
      employer.reviewedAt = new Date();
      employer.reviewedBy = actor.accountId;
      return manager.save(employer);
    });
  }

  /**
   * Links an EMPLOYER account to an employer, so that account can act for it: staff of the
   * region (e.g. for a company they registered on its behalf), or the company's own
   * administrator adding a colleague. The first account linked to a company without an
   * administrator becomes its administrator.
   */
  async linkAccount(actor: Actor, employerId: string, accountPhone: string): Promise<Employer> {
    const phone = parsePhone(accountPhone, 'input.accountPhone');
    const employer =
      actor.role === Role.EMPLOYER
        ? await this.requireAdmin(actor, employerId)
        : await this.dataSource.manager.findOne(Employer, { where: { id: employerId } });
    if (!employer) throw this.notFound();
    if (actor.role !== Role.EMPLOYER) await this.scope.assertCovers(actor, employer.regionCode);
    const account = await this.accounts.findByPhone(phone);
    if (!account || account.role !== Role.EMPLOYER) {
      throw new EmployersException(
        EmployersExceptionCode.NOT_AN_EMPLOYER_ACCOUNT,
        '该手机号没有注册用人单位账号；请对方先用手机号注册"用人单位"账号，再来关联',
        { field: 'input.accountPhone' },
      );
    }
    await inTransaction(this.dataSource, async (manager) => {
      await manager.findOne(Employer, { where: { id: employerId }, lock: { mode: 'pessimistic_write' } });
      const hasAdmin = (await manager.count(EmployerMember, { where: { employerId, isAdmin: true } })) > 0;
      await manager.createQueryBuilder().insert().into(EmployerMember).values({ employerId, accountId: account.id, isAdmin: !hasAdmin }).orIgnore().execute();
    });
    this.logger.log(`Account ${account.id} linked to employer ${employerId} by ${actor.accountId}`);
    return employer;
  }

  /**
   * The company's administrator changes its details. The name, credit code and region were
   * verified by the county: once verified they stay as they are (the county corrects them).
   * A rejected company that saves a correction goes back to the review queue.
   */
  async update(actor: Actor, input: UpdateEmployerInput): Promise<Employer> {
    await this.requireAdmin(actor, input.employerId);
    const creditCode = input.creditCode != null ? parseCreditCode(input.creditCode, 'input.creditCode') : undefined;
    const phone = input.contactPhone != null ? parsePhone(input.contactPhone, 'input.contactPhone') : undefined;
    const region =
      input.regionCode != null
        ? await this.regions.require(input.regionCode, 'input.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE])
        : undefined;
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const employer = await manager.findOne(Employer, { where: { id: input.employerId }, lock: { mode: 'pessimistic_write' } });
        if (!employer) throw this.notFound();
        const verifiedFields: { field: string; label: string; changed: boolean }[] = [
          { field: 'name', label: '单位全称', changed: input.name != null && input.name.trim() !== employer.name },
          { field: 'creditCode', label: '统一社会信用代码', changed: creditCode !== undefined && creditCode !== employer.creditCode },
          { field: 'regionCode', label: '单位所在地', changed: region !== undefined && region.code !== employer.regionCode },
        ];
        const changedVerified = verifiedFields.filter((f) => f.changed);
        if (employer.status === EmployerStatus.VERIFIED && changedVerified.length > 0) {
          const first = changedVerified[0];
          throw new EmployersException(
            EmployersExceptionCode.VERIFIED_FIELD_LOCKED,
            `${first.label}已经县人社局审核，不能自行修改；如需更改，请带营业执照到县人社局办理`,
            { field: `input.${first.field}` },
          );
        }
        if (input.name != null) employer.name = input.name.trim();
        if (creditCode !== undefined) employer.creditCode = creditCode;
        if (region !== undefined) employer.regionCode = region.code;
        if (input.address != null) employer.address = input.address.trim();
        if (input.legalRepresentative != null) employer.legalRepresentative = input.legalRepresentative.trim();
        if (input.contactName != null) employer.contactName = input.contactName.trim();
        if (phone !== undefined) employer.contactPhoneEncrypted = this.cipher.encrypt(phone);
        // A rejected company's correction, of whatever the county named (a wrong address or
        // contact as much as a credit code), goes back to the review queue.
        if (employer.status === EmployerStatus.REJECTED) {
          employer.status = EmployerStatus.PENDING;
          employer.rejectionReason = null;
        }
        const saved = await manager.save(employer);
        this.logger.log(`Employer ${employer.id} updated by ${actor.accountId}`);
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EmployersException(EmployersExceptionCode.CREDIT_CODE_TAKEN, `统一社会信用代码 ${creditCode} 已被另一家单位登记；请核对营业执照`, {
          field: 'input.creditCode',
        });
      }
      throw error;
    }
  }

  /** The accounts acting for the employer, administrators first: for its members and for staff of its region. */
  async accountsOf(actor: Actor, employerId: string): Promise<EmployerAccountObject[]> {
    await this.requireManageable(actor, employerId);
    const rows = await this.dataSource.manager
      .createQueryBuilder(EmployerMember, 'm')
      .innerJoinAndSelect('m.account', 'a')
      .where('m.employer_id = :employerId', { employerId })
      .orderBy('m.is_admin', 'DESC')
      .addOrderBy('m.created_at', 'ASC')
      .addOrderBy('m.account_id', 'ASC')
      .limit(MAX_EMPLOYER_ACCOUNTS)
      .getMany();
    return rows.map((m) => ({
      accountId: m.accountId,
      name: m.account!.name,
      phone: maskPhone(this.accounts.phoneOf(m.account!)),
      isAdmin: m.isAdmin,
      secondFactorEnabled: m.account!.totpEnabledAt !== null,
      disabled: m.account!.disabledAt !== null,
      addedAt: m.createdAt,
    }));
  }

  /** The employer if the actor administers it; NOT_FOUND to non-members, FORBIDDEN to members who are not administrators. */
  async requireAdmin(actor: Actor, employerId: string): Promise<Employer> {
    const employer = await this.requireManageable(actor, employerId);
    if (actor.role !== Role.EMPLOYER) throw forbidden('单位信息由单位管理员自行维护；工作人员请在审核中说明需要更正的内容', { reason: 'COMPANY_ADMIN_ONLY' });
    const admin = await this.dataSource.manager.count(EmployerMember, { where: { employerId, accountId: actor.accountId, isAdmin: true } });
    if (!admin) {
      throw new EmployersException(EmployersExceptionCode.NOT_COMPANY_ADMIN, '只有本单位的管理员才能修改单位信息、添加账号；请联系单位管理员');
    }
    return employer;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Employer | null> {
    return manager.findOne(Employer, { where: { id } });
  }

  async isMember(accountId: string, employerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.count(EmployerMember, { where: { accountId, employerId } })) > 0;
  }

  /** May this actor act for the employer? Members may; staff whose region holds the employer may. */
  async canManage(actor: Actor, employer: Employer, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (actor.role === Role.EMPLOYER) return this.isMember(actor.accountId, employer.id, manager);
    return this.scope.covers(actor, employer.regionCode);
  }

  /** The employer if the actor may act for it; NOT_FOUND otherwise, so others learn nothing about it. */
  async requireManageable(actor: Actor, employerId: string, manager: EntityManager = this.dataSource.manager): Promise<Employer> {
    const employer = await this.findById(employerId, manager);
    if (!employer) throw this.notFound();
    if (actor.role === Role.EMPLOYER) {
      if (!(await this.isMember(actor.accountId, employer.id, manager))) throw this.notFound();
      return employer;
    }
    await this.scope.assertCovers(actor, employer.regionCode);
    return employer;
  }

  /** Refuses unless the employer is verified: only verified employers publish jobs, run workshops or take booths. */
  assertVerified(employer: Employer): void {
    if (employer.status !== EmployerStatus.VERIFIED) {
      const why = employer.status === EmployerStatus.REJECTED ? `审核未通过（${employer.rejectionReason ?? '见审核意见'}）` : '还在等待县人社局审核';
      throw new EmployersException(EmployersExceptionCode.EMPLOYER_NOT_VERIFIED, `${employer.name}${why}；审核通过后才能发布岗位、开办车间或参加招聘会`);
    }
  }

  /** What the actor may see of one employer: verified ones are public, others only to members and staff of the region. */
  async requireVisible(actor: Actor | undefined, employerId: string): Promise<Employer> {
    const employer = await this.findById(employerId);
    if (!employer) throw this.notFound();
    if (employer.status === EmployerStatus.VERIFIED) return employer;
    if (actor && (await this.canManage(actor, employer))) return employer;
    throw this.notFound();
  }

  async mine(actor: Actor): Promise<Employer[]> {
    return this.dataSource.manager
      .createQueryBuilder(Employer, 'e')
      .innerJoin(EmployerMember, 'm', 'm.employer_id = e.id AND m.account_id = :accountId', { accountId: actor.accountId })
      .orderBy('e.name')
      .getMany();
  }

  /** Staff list employers inside their region, newest first. */
  async list(actor: Actor, filter: EmployerFilter): Promise<ConnectionShape<Employer>> {
    const qb = this.dataSource.manager.createQueryBuilder(Employer, 'e');
    this.scope.restrict(qb, 'e.region_code', actor);
    if (filter.regionCode) qb.andWhere('e.region_code LIKE :region', { region: `${(await this.regions.require(filter.regionCode)).code}%` });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    return keysetConnection(qb, filter, NEWEST_FIRST, (r) => r);
  }

  /** The GraphQL view: the contact phone in full only for members and staff of the region. */
  async toObject(employer: Employer, entitled: boolean): Promise<EmployerObject> {
    const phone = this.cipher.decrypt(employer.contactPhoneEncrypted);
    return {
      id: employer.id,
      name: employer.name,
      creditCode: employer.creditCode,
      contactName: employer.contactName,
      contactPhone: entitled ? phone : maskPhone(phone),
      region: await this.regions.requireObject(employer.regionCode),
      address: employer.address,
      legalRepresentative: employer.legalRepresentative,
      status: employer.status,
      rejectionReason: entitled ? employer.rejectionReason : null,
      reviewedAt: employer.reviewedAt,
      createdAt: employer.createdAt,
    };
  }

  notFound(): EmployersException {
    return new EmployersException(EmployersExceptionCode.EMPLOYER_NOT_FOUND, '用人单位不存在，或您无权查看');
  }
}
