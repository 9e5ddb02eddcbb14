import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService, SecurityEventKind } from '@jobcode/audit';
import { type Actor, badInput, forbidden, notFound, RegionLevel, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { RateLimitService } from '@jobcode/rate-limit';
import { RegionsService } from '@jobcode/regions';

import { Account } from './account.entity';
import { AccountsService } from './accounts.service';
import { assertPasswordAcceptable } from './password-policy';

/**
 * What an admin does to a colleague's account: stop it when someone leaves (every sign-in ends
 * at once), take it back, give a temporary password when one is forgotten, and move a staff
 * member's scope to another region. Seekers and
 * employers sign in with a text message code, so these are for staff and admin accounts only;
 * one's own account is changed with 修改密码, never stopped by oneself.
 */
@Injectable()
export class StaffAccountAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async setDisabled(actor: Actor, accountId: string, disabled: boolean): Promise<Account> {
    if (disabled && accountId === actor.accountId) throw badInput('不能停用自己的账号', { field: 'accountId' });
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockActingAdmin(manager, actor, accountId);
      const account = await this.lockColleague(manager, accountId);
      if ((account.disabledAt !== null) === disabled) return;
      await manager.update(Account, { id: account.id }, { disabledAt: disabled ? new Date() : null });
      const sessionsEnded = disabled ? await this.endSessions(manager, account.id) : 0;
      await this.audit.security(
        {
          kind: disabled ? SecurityEventKind.ACCOUNT_DISABLED : SecurityEventKind.ACCOUNT_ENABLED,
          accountId: actor.accountId,
          subject: account.id,
          detail: disabled ? { sessionsEnded } : {},
        },
        manager,
      );
    });
    return this.accounts.requireById(accountId);
  }

  async resetPassword(actor: Actor, accountId: string, password: string): Promise<Account> {
    if (accountId === actor.accountId) throw badInput('修改自己的密码请用“修改密码”', { field: 'accountId' });
    const target = await this.accounts.findById(accountId);
    if (!target || !isColleague(target)) throw notFound('没有这个工作人员或管理员账号');
    assertPasswordAcceptable(password, this.accounts.phoneOf(target));
    const passwordHash = await hash(password);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockActingAdmin(manager, actor, accountId);
      const account = await this.lockColleague(manager, accountId);
      await manager.update(Account, { id: account.id }, { passwordHash, mustChangePassword: true });
      const sessionsEnded = await this.endSessions(manager, account.id);
      // Someone who forgot a password has often locked the account trying: the new one works at once.
      await this.rateLimits.clearStartingWith(`sign-in-failures:${account.id}`, manager);
      await this.rateLimits.clearStartingWith(`sign-in-pace:${account.id}`, manager);
      await this.audit.security(
        { kind: SecurityEventKind.PASSWORD_RESET, accountId: actor.accountId, subject: account.id, detail: { sessionsEnded } },
        manager,
      );
    });
    return this.accounts.requireById(accountId);
  }

  /**
   * Two admins acting on each other at the same moment (one stops the other, who resets the
   * first one's password) could leave nobody able to sign in as admin: both rows are locked in
   * one order, and an admin stopped meanwhile acts on nobody.
   */
  /**
   * A staff member moved to another township or to the county: the new scope holds from the next
   * sign-in (a session carries its region), so every session ends now.
   */
  async setRegion(actor: Actor, accountId: string, regionCode: string): Promise<Account> {
    const region = await this.regions.require(regionCode, 'input.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockActingAdmin(manager, actor, accountId);
      const account = await this.lockColleague(manager, accountId);
      if (account.role !== Role.STAFF) throw badInput('管理员账号不设管辖区域', { field: 'input.accountId' });
      if (account.regionCode === region.code) return;
      await manager.update(Account, { id: account.id }, { regionCode: region.code });
      const sessionsEnded = await this.endSessions(manager, account.id);
      await this.audit.security(
        {
          kind: SecurityEventKind.REGION_CHANGED,
          accountId: actor.accountId,
          subject: account.id,
          detail: { from: account.regionCode, to: region.code, sessionsEnded },
        },
        manager,
      );
    });
    return this.accounts.requireById(accountId);
  }

  private async lockActingAdmin(manager: EntityManager, actor: Actor, accountId: string): Promise<void> {
    const rows = (await manager.query(`SELECT id, disabled_at FROM account WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [actor.accountId, accountId],
    ])) as { id: string; disabled_at: Date | null }[];
    if (rows.find((row) => row.id === actor.accountId)?.disabled_at !== null) throw forbidden('您的账号已停用，不能再管理别人的账号');
  }

  private async lockColleague(manager: EntityManager, accountId: string): Promise<Account> {
    const account = await manager.findOne(Account, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
    if (!account || !isColleague(account)) throw notFound('没有这个工作人员或管理员账号');
    return account;
  }

  private async endSessions(manager: EntityManager, accountId: string): Promise<number> {
    const [, ended] = (await manager.query(`UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId])) as [
      unknown,
      number,
    ];
    return ended;
  }
}

const isColleague = (account: Account): boolean => account.role === Role.STAFF || account.role === Role.ADMIN;
