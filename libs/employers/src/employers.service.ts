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
import { EmployerMember } from './employer-member.entity';
import { Employer, EmployerStatus } from './employer.entity';
import { EmployerObject } from './employer.object';
import { EmployersException, EmployersExceptionCode } from './employers.exception';

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
        if (actor.role === Role.EMPLOYER) await manager.insert(EmployerMember, { employerId: employer.id, accountId: actor.accountId });
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

  /** Staff link an EMPLOYER account to an employer (e.g. one they registered on its behalf), so that account can act for it. */
  async linkAccount(actor: Actor, employerId: string, accountPhone: string): Promise<Employer> {
    const phone = parsePhone(accountPhone, 'input.accountPhone');
    const employer = await this.dataSource.manager.findOne(Employer, { where: { id: employerId } });
    if (!employer) throw this.notFound();
    await this.scope.assertCovers(actor, employer.regionCode);
    const account = await this.accounts.findByPhone(phone);
    if (!account || account.role !== Role.EMPLOYER) {
      throw new EmployersException(
        EmployersExceptionCode.NOT_AN_EMPLOYER_ACCOUNT,
        '该手机号没有注册用人单位账号；请对方先用手机号注册"用人单位"账号，再来关联',
        { field: 'input.accountPhone' },
      );
    }
    await this.dataSource.manager.createQueryBuilder().insert().into(EmployerMember).values({ employerId, accountId: account.id }).orIgnore().execute();
    this.logger.log(`Account ${account.id} linked to employer ${employerId} by ${actor.accountId}`);
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
