import { randomInt } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource, EntityManager } from 'typeorm';

import { SecurityEventKind, AuditService } from '@jobcode/audit';
import { type Actor, AppConfig, badInput, forbidden, maskPhone, notFound, parsePhone, RegionLevel, Role } from '@jobcode/common';
import { isUniqueViolation } from '@jobcode/database';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { setupStepOf } from './account-setup';
import { Account } from './account.entity';
import { AccountObject } from './account.object';
import { AccountsException, AccountsExceptionCode } from './accounts.exception';
import { CreateStaffAccountInput } from './dto/create-staff-account.input';
import { assertPasswordAcceptable } from './password-policy';

export const PHONE_HASH_PURPOSE = 'account-phone';

export interface NewAccount {
  role: Role;
  phone: string;
  /** Optional for accounts whose phone was proven by a code: they sign in by code until they set one. */
  password?: string | null;
  name: string;
  regionCode?: string | null;
  mustChangePassword?: boolean;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  phoneHash(phone: string): string {
    return this.cipher.hash(phone, PHONE_HASH_PURPOSE);
  }

  async create(input: NewAccount, manager: EntityManager = this.dataSource.manager): Promise<Account> {
    const phone = parsePhone(input.phone);
    if (input.password) assertPasswordAcceptable(input.password, phone);
    const name = input.name.trim();
    if (!name) throw badInput('请填写姓名', { field: 'name' });
    try {
      const account = manager.create(Account, {
        role: input.role,
        phoneHash: this.phoneHash(phone),
        phoneEncrypted: this.cipher.encrypt(phone),
        name,
        passwordHash: input.password ? await hash(input.password) : null,
        regionCode: input.regionCode ?? null,
        mustChangePassword: input.mustChangePassword ?? false,
      });
      return await manager.save(account);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AccountsException(AccountsExceptionCode.PHONE_TAKEN, '该手机号已注册，请直接登录；忘记密码请联系村或乡镇工作人员重置');
      }
      throw error;
    }
  }

  /** ADMIN creates any staff account; county or township STAFF create staff inside their own region. */
  async createStaff(actor: Actor, input: CreateStaffAccountInput): Promise<Account> {
    if (input.role === Role.ADMIN) {
      if (actor.role !== Role.ADMIN) throw forbidden('只有管理员可以创建管理员账号');
      if (input.regionCode) throw badInput('管理员账号不设管辖区域', { field: 'regionCode' });
    } else {
      if (!input.regionCode) throw badInput('工作人员账号须指定管辖区域（村、乡镇或县）', { field: 'regionCode' });
      await this.regions.require(input.regionCode, 'regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
      await this.scope.assertCovers(actor, input.regionCode);
    }
    const account = await this.create({ ...input, regionCode: input.role === Role.STAFF ? input.regionCode : null, mustChangePassword: true });
    await this.audit.security({
      kind: SecurityEventKind.ACCOUNT_CREATED,
      accountId: actor.accountId,
      subject: account.id,
      detail: { role: account.role, regionCode: account.regionCode },
    });
    return account;
  }

  async findById(id: string): Promise<Account | null> {
    return this.dataSource.manager.findOne(Account, { where: { id } });
  }

  async requireById(id: string): Promise<Account> {
    const account = await this.findById(id);
    if (!account) throw notFound('账号不存在');
    return account;
  }

  async findByPhone(phone: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Account | null> {
    return manager.findOne(Account, { where: { phoneHash: this.phoneHash(phone) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  phoneOf(account: Account): string {
    return this.cipher.decrypt(account.phoneEncrypted);
  }

  async toObject(account: Account, viewer?: Actor): Promise<AccountObject> {
    const phone = this.phoneOf(account);
    const entitled = viewer && (viewer.accountId === account.id || viewer.role === Role.ADMIN);
    return {
      id: account.id,
      role: account.role,
      name: account.name,
      phone: entitled ? phone : maskPhone(phone),
      region: account.regionCode ? await this.regions.requireObject(account.regionCode) : null,
      mustChangePassword: account.mustChangePassword,
      secondFactorEnabled: account.totpEnabledAt !== null,
      disabled: account.disabledAt !== null,
      setupRequired: setupStepOf(account, this.config) ?? null,
      createdAt: account.createdAt,
    };
  }

  /**
   * On a database without an ADMIN, creates the first one from ADMIN_PHONE and
   * ADMIN_PASSWORD, or with a generated one-time password that must be changed.
   * Returns what to print, or undefined when an admin exists already.
   */
  async ensureFirstAdmin(config: AppConfig, manager: EntityManager = this.dataSource.manager): Promise<{ phone: string; password?: string } | undefined> {
    const existing = await manager.count(Account, { where: { role: Role.ADMIN } });
    if (existing > 0) return undefined;
    const phone = config.ADMIN_PHONE ?? '13800000000';
    const generated = config.ADMIN_PASSWORD ? undefined : oneTimePassword();
    await this.create(
      { role: Role.ADMIN, phone, password: config.ADMIN_PASSWORD ?? (generated as string), name: '系统管理员', mustChangePassword: !config.ADMIN_PASSWORD },
      manager,
    );
    return { phone, password: generated };
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
function oneTimePassword(): string {
  let letters = '';
  for (let i = 0; i < 8; i++) letters += ALPHABET[randomInt(ALPHABET.length)];
  return `${letters}${randomInt(1000, 10000)}`;
}
