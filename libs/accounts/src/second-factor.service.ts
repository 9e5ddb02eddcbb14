import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';

import { AuditService, SecurityEventKind } from '@jobcode/audit';
import { type Actor, maskPhone, notFound } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { Account } from './account.entity';
import { AccountsException, AccountsExceptionCode } from './accounts.exception';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { acceptedTotpStep, newTotpSecret, totpUri } from './second-factor';

export interface SecondFactorEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/**
 * Authenticator-app (TOTP) second factor: set up by the account itself in two steps (show
 * the secret, confirm one code from the app), reset by an admin when a phone is lost.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  /** A fresh secret for the caller's authenticator app; it takes effect only once a code from the app is confirmed. */
  async startEnrolment(actor: Actor): Promise<SecondFactorEnrolment> {
    const account = await this.accounts.requireById(actor.accountId);
    if (account.mustChangePassword) {
      throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '请先修改初始密码，再绑定身份验证器');
    }
    const secret = newTotpSecret();
    // Only while none is active: a start racing a confirmation must not replace the confirmed secret.
    const [, changed] = (await this.dataSource.query(
      `UPDATE account SET totp_secret_encrypted = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL`,
      [account.id, this.cipher.encrypt(secret)],
    )) as [unknown, number];
    if (changed === 0) {
      throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '此账号已绑定身份验证器；如需更换手机，请管理员重置后重新绑定');
    }
    const otpauthUri = totpUri(secret, `${account.name} ${maskPhone(this.accounts.phoneOf(account))}`);
    return { secret, otpauthUri, qrSvg: await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /**
   * Turns the second factor on with the current password and a code the app shows; from now on
   * sign-in needs a code. The password keeps someone holding only a stolen token from binding
   * their own authenticator and locking the owner out.
   */
  async confirmEnrolment(actor: Actor, currentPassword: string, code: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const account = await manager.findOne(Account, { where: { id: actor.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('账号不存在');
      await this.auth.assertCurrentPassword(account, currentPassword);
      if (account.totpEnabledAt) throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '此账号已绑定身份验证器');
      if (!account.totpSecretEncrypted) throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '请先开始绑定，用验证器扫描二维码');
      const step = await acceptedTotpStep(this.cipher.decrypt(account.totpSecretEncrypted), code, null);
      if (step === undefined) {
        throw new AccountsException(AccountsExceptionCode.WRONG_ENROLMENT_CODE, '动态码不正确：请确认手机时间准确，输入验证器上当前显示的 6 位数字');
      }
      await manager.update(Account, { id: account.id }, { totpEnabledAt: new Date(), totpLastStep: step });
      await this.audit.security({ kind: SecurityEventKind.SECOND_FACTOR_ENABLED, accountId: account.id }, manager);
    });
  }

  /**
   * An admin removes an account's second factor (lost or stolen phone): every session of the
   * account ends with it, so whoever holds the phone or a token is out; the owner signs in again
   * with the password and sets up a new authenticator.
   */
  async reset(actor: Actor, accountId: string): Promise<Account> {
    await inTransaction(this.dataSource, async (manager) => {
      const account = await manager.findOne(Account, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('账号不存在');
      await manager.update(Account, { id: account.id }, { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null });
      const [sessions] = (await manager.query(`UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL RETURNING id`, [
        account.id,
      ])) as [{ id: string }[], number];
      await this.audit.security(
        { kind: SecurityEventKind.SECOND_FACTOR_RESET, accountId: actor.accountId, subject: account.id, detail: { sessionsEnded: sessions.length } },
        manager,
      );
    });
    return this.accounts.requireById(accountId);
  }
}
