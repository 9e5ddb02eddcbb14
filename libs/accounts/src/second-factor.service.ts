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
    if (account.totpEnabledAt) {
      throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '此账号已绑定身份验证器；如需更换手机，请管理员重置后重新绑定');
    }
    const secret = newTotpSecret();
    await this.dataSource.manager.update(Account, { id: account.id }, { totpSecretEncrypted: this.cipher.encrypt(secret), totpLastStep: null });
    const otpauthUri = totpUri(secret, `${account.name} ${maskPhone(this.accounts.phoneOf(account))}`);
    return { secret, otpauthUri, qrSvg: await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /** Turns the second factor on with a code the app shows; from now on sign-in needs a code. */
  async confirmEnrolment(actor: Actor, code: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const account = await manager.findOne(Account, { where: { id: actor.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('账号不存在');
      if (account.totpEnabledAt) throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '此账号已绑定身份验证器');
      if (!account.totpSecretEncrypted) throw new AccountsException(AccountsExceptionCode.SECOND_FACTOR_STATE, '请先开始绑定，用验证器扫描二维码');
      const step = await acceptedTotpStep(this.cipher.decrypt(account.totpSecretEncrypted), code, null);
      if (step === undefined) {
        throw new AccountsException(AccountsExceptionCode.WRONG_SECOND_FACTOR, '动态码不正确：请确认手机时间准确，输入验证器上当前显示的 6 位数字');
      }
      await manager.update(Account, { id: account.id }, { totpEnabledAt: new Date(), totpLastStep: step });
      await this.audit.security({ kind: SecurityEventKind.SECOND_FACTOR_ENABLED, accountId: account.id }, manager);
    });
    this.auth.forgetSession(actor.sessionId);
  }

  /** An admin removes an account's second factor (lost phone); the account sets it up again at next sign-in if required. */
  async reset(actor: Actor, accountId: string): Promise<Account> {
    const account = await this.accounts.requireById(accountId);
    await this.dataSource.manager.update(Account, { id: account.id }, { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null });
    await this.audit.security({ kind: SecurityEventKind.SECOND_FACTOR_RESET, accountId: actor.accountId, subject: account.id });
    return this.accounts.requireById(accountId);
  }
}
