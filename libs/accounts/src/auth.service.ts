import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from 'argon2';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';

import { AuditService, SecurityEventKind } from '@jobcode/audit';
import { type AccountSetupStep, type Actor, AppConfig, parsePhone, Role, Secrets } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { inTransaction } from '@jobcode/database';

import { setupStepOf } from './account-setup';
import { Account } from './account.entity';
import { type AuthPayload } from './account.object';
import { AccountsException, AccountsExceptionCode } from './accounts.exception';
import { AccountsService } from './accounts.service';
import { assertPasswordAcceptable } from './password-policy';
import { acceptedTotpStep } from './second-factor';
import { Session } from './session.entity';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
  sessionExpiresAt: Date;
  account: Account;
}

interface SessionState {
  valid: boolean;
  pendingSetup?: AccountSetupStep;
  checkedAt: number;
}

/** How long a process trusts its last look at a session (sign-out elsewhere takes effect within this). */
const SESSION_CACHE_MS = 10_000;
const WRONG_CREDENTIALS = '手机号或密码不正确';

@Injectable()
export class AuthService {
  private readonly key: Uint8Array;
  private readonly sessions = new Map<string, SessionState>();
  /** A real argon2 hash so that an unknown phone costs the same time as a wrong password. */
  private readonly decoyHash: Promise<string> = hash('decoy-password-1');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PersonalDataCipher,
    secrets: Secrets,
  ) {
    this.key = new TextEncoder().encode(secrets.jwtSecret);
  }

  /**
   * Checks a phone and password. Failures are counted on the account under a row
   * lock, so attempts in parallel (or aliased in one request) count one by one;
   * after SIGN_IN_MAX_FAILURES the account is locked for SIGN_IN_LOCK_MINUTES. An account with
   * an authenticator app also needs its current code; a wrong or reused code counts as a failure.
   */
  async signIn(rawPhone: string, password: string, oneTimeCode?: string): Promise<IssuedToken> {
    let phone: string;
    try {
      phone = parsePhone(rawPhone);
    } catch {
      await verify(await this.decoyHash, password);
      throw new AccountsException(AccountsExceptionCode.WRONG_CREDENTIALS, WRONG_CREDENTIALS);
    }
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const account = await this.accounts.findByPhone(phone, manager, true);
      if (!account) {
        await verify(await this.decoyHash, password);
        await this.audit.security({ kind: SecurityEventKind.SIGN_IN_FAILED, subject: 'unknown-phone' }, manager);
        return { error: new AccountsException(AccountsExceptionCode.WRONG_CREDENTIALS, WRONG_CREDENTIALS) };
      }
      if (account.disabledAt) return { error: new AccountsException(AccountsExceptionCode.ACCOUNT_DISABLED, '该账号已停用，请联系管理员') };
      const now = new Date();
      if (account.lockedUntil && account.lockedUntil > now) {
        await this.audit.security({ kind: SecurityEventKind.SIGN_IN_FAILED, accountId: account.id, subject: 'locked' }, manager);
        return { error: this.lockedError(account.lockedUntil) };
      }
      const fail = async (message: string, subject?: string) => {
        const failures = account.failedSignIns + 1;
        const locks = failures >= this.config.SIGN_IN_MAX_FAILURES;
        const lockedUntil = locks ? new Date(now.getTime() + this.config.SIGN_IN_LOCK_MINUTES * 60_000) : null;
        await manager.update(Account, { id: account.id }, { failedSignIns: locks ? 0 : failures, lockedUntil });
        await this.audit.security(
          { kind: locks ? SecurityEventKind.ACCOUNT_LOCKED : SecurityEventKind.SIGN_IN_FAILED, accountId: account.id, subject, detail: { failures } },
          manager,
        );
        const left = this.config.SIGN_IN_MAX_FAILURES - failures;
        const reason = subject ? AccountsExceptionCode.WRONG_SECOND_FACTOR : AccountsExceptionCode.WRONG_CREDENTIALS;
        return {
          error: lockedUntil
            ? this.lockedError(lockedUntil)
            : new AccountsException(reason, `${message}，再错 ${left} 次账号将锁定 ${this.config.SIGN_IN_LOCK_MINUTES} 分钟`),
        };
      };
      if (!account.passwordHash) {
        // An account made by phone code without a password: the same time and answer as a wrong one.
        await verify(await this.decoyHash, password);
        return fail(WRONG_CREDENTIALS);
      }
      if (!(await verify(account.passwordHash, password))) return fail(WRONG_CREDENTIALS);
      if (account.totpEnabledAt && account.totpSecretEncrypted) {
        if (!oneTimeCode) {
          return {
            error: new AccountsException(AccountsExceptionCode.SECOND_FACTOR_REQUIRED, '此账号已绑定身份验证器：请同时输入验证器上的 6 位动态码'),
          };
        }
        const step = await acceptedTotpStep(this.cipher.decrypt(account.totpSecretEncrypted), oneTimeCode, account.totpLastStep);
        if (step === undefined) return fail('动态码不正确或已经用过', 'second-factor');
        await manager.update(Account, { id: account.id }, { totpLastStep: step });
      }
      if (account.failedSignIns > 0 || account.lockedUntil) await manager.update(Account, { id: account.id }, { failedSignIns: 0, lockedUntil: null });
      const session = await manager.save(
        manager.create(Session, { accountId: account.id, expiresAt: new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000) }),
      );
      await this.audit.security({ kind: SecurityEventKind.SIGN_IN, accountId: account.id, subject: session.id }, manager);
      return { account, session };
    });
    // Failures are committed (counted) before they are thrown.
    if ('error' in outcome) throw outcome.error;
    return this.issue(outcome.account, outcome.session);
  }

  private lockedError(until: Date): AccountsException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return new AccountsException(AccountsExceptionCode.ACCOUNT_LOCKED, `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, {
      retryAfterSeconds: minutes * 60,
    });
  }

  /** A session and its first token for an account that was just created. */
  async startSession(account: Account): Promise<IssuedToken> {
    const session = await this.dataSource.manager.save(
      this.dataSource.manager.create(Session, { accountId: account.id, expiresAt: new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000) }),
    );
    return this.issue(account, session);
  }

  /**
   * A session for an account whose phone was just proven by a texted code (SEEKER and
   * EMPLOYER only; the caller checks). A disabled account is refused; the sign-in is logged
   * with the method, and a lock left by wrong passwords is lifted (the code proves the person).
   */
  async startVerifiedSession(account: Account, method: 'phone-code'): Promise<IssuedToken> {
    if (account.disabledAt) throw new AccountsException(AccountsExceptionCode.ACCOUNT_DISABLED, '该账号已停用，请联系管理员');
    const now = new Date();
    const session = await inTransaction(this.dataSource, async (manager) => {
      if (account.failedSignIns > 0 || account.lockedUntil) await manager.update(Account, { id: account.id }, { failedSignIns: 0, lockedUntil: null });
      const created = await manager.save(
        manager.create(Session, { accountId: account.id, expiresAt: new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000) }),
      );
      await this.audit.security({ kind: SecurityEventKind.SIGN_IN, accountId: account.id, subject: created.id, detail: { method } }, manager);
      return created;
    });
    return this.issue(account, session);
  }

  /** What sign-in mutations answer. */
  async payload(issued: IssuedToken): Promise<AuthPayload> {
    const account = await this.accounts.toObject(issued.account, {
      accountId: issued.account.id,
      role: issued.account.role,
      regionCode: issued.account.regionCode,
      sessionId: '',
    });
    return { accessToken: issued.accessToken, expiresAt: issued.expiresAt, sessionExpiresAt: issued.sessionExpiresAt, account };
  }

  private async issue(account: Account, session: Session): Promise<IssuedToken> {
    const ttl = Math.min(this.config.ACCESS_TOKEN_TTL_MINUTES * 60_000, session.expiresAt.getTime() - Date.now());
    const expiresAt = new Date(Date.now() + ttl);
    const accessToken = await new SignJWT({ role: account.role, region: account.regionCode, sid: session.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    if (!setupStepOf(account, this.config)) this.sessions.set(session.id, { valid: true, checkedAt: Date.now() });
    return { accessToken, expiresAt, sessionExpiresAt: session.expiresAt, account };
  }

  /** A fresh access token while the session lasts. */
  async renew(actor: Actor): Promise<IssuedToken> {
    const session = await this.dataSource.manager.findOne(Session, { where: { id: actor.sessionId } });
    if (!session || session.revokedAt || session.expiresAt <= new Date()) {
      throw new AccountsException(AccountsExceptionCode.SESSION_EXPIRED, '登录已过期，请重新登录');
    }
    return this.issue(await this.accounts.requireById(actor.accountId), session);
  }

  async signOut(actor: Actor): Promise<void> {
    await this.dataSource.manager.update(Session, { id: actor.sessionId }, { revokedAt: new Date() });
    this.sessions.set(actor.sessionId, { valid: false, checkedAt: Date.now() });
    await this.audit.security({ kind: SecurityEventKind.SIGN_OUT, accountId: actor.accountId, subject: actor.sessionId });
  }

  /** Checks a signed-in account's current password (before changing it, or setting up a second factor). */
  async assertCurrentPassword(account: Account, currentPassword: string): Promise<void> {
    if (!account.passwordHash) {
      throw new AccountsException(AccountsExceptionCode.WRONG_CURRENT_PASSWORD, '此账号还没有设置密码：请先用“修改密码”设置一个（当前密码留空）');
    }
    if (!(await verify(account.passwordHash, currentPassword))) {
      throw new AccountsException(AccountsExceptionCode.WRONG_CURRENT_PASSWORD, '当前密码不正确');
    }
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.requireById(actor.accountId);
    // An account made by phone code has no password yet: its first one needs no current one.
    if (account.passwordHash) await this.assertCurrentPassword(account, currentPassword);
    assertPasswordAcceptable(newPassword, this.accounts.phoneOf(account));
    if (currentPassword === newPassword) throw new AccountsException(AccountsExceptionCode.WEAK_PASSWORD, '新密码不能与当前密码相同');
    await this.dataSource.manager.update(Account, { id: account.id }, { passwordHash: await hash(newPassword), mustChangePassword: false });
    this.forgetSession(actor.sessionId);
    await this.audit.security({ kind: SecurityEventKind.PASSWORD_CHANGED, accountId: account.id });
  }

  /** The actor behind a bearer token, or the reason it is not accepted. */
  async authenticate(token: string): Promise<{ actor?: Actor; error?: string }> {
    let payload: { sub?: string; sid?: unknown; role?: unknown; region?: unknown };
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return { error: expired ? '登录已过期，请重新登录' : '登录凭证无效，请重新登录' };
    }
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!payload.sub || !sid || !Object.values(Role).includes(payload.role as Role)) return { error: '登录凭证无效，请重新登录' };
    const session = await this.sessionState(sid);
    if (!session.valid) return { error: '登录已过期或已退出，请重新登录' };
    return {
      actor: {
        accountId: payload.sub,
        sessionId: sid,
        role: payload.role as Role,
        regionCode: typeof payload.region === 'string' ? payload.region : null,
        ...(session.pendingSetup ? { pendingSetup: session.pendingSetup } : {}),
      },
    };
  }

  /** The actor of a session, read from the database (a download ticket names only the account and session). */
  async actorOfSession(accountId: string, sessionId: string): Promise<{ actor?: Actor; error?: string }> {
    const session = await this.sessionState(sessionId);
    if (!session.valid) return { error: '登录已过期或已退出，请重新登录后再下载' };
    const account = await this.accounts.findById(accountId);
    const [owner]: { account_id: string }[] = await this.dataSource.query(`SELECT account_id FROM session WHERE id = $1`, [sessionId]);
    if (!account || owner?.account_id !== account.id) return { error: '下载链接无效，请回到页面重新点击下载' };
    return {
      actor: {
        accountId: account.id,
        sessionId,
        role: account.role,
        regionCode: account.regionCode,
        ...(session.pendingSetup ? { pendingSetup: session.pendingSetup } : {}),
      },
    };
  }

  /** Makes this process look at the session again on its next request (after a password change or a second-factor set-up). */
  forgetSession(sessionId: string, valid?: false): void {
    if (valid === false) this.sessions.set(sessionId, { valid: false, checkedAt: Date.now() });
    else this.sessions.delete(sessionId);
  }

  private async sessionState(sessionId: string): Promise<SessionState> {
    const cached = this.sessions.get(sessionId);
    if (cached && Date.now() - cached.checkedAt < SESSION_CACHE_MS) return cached;
    const rows: { valid: boolean; role: Role; must_change_password: boolean; totp_enabled_at: Date | null }[] = await this.dataSource.query(
      `SELECT (s.revoked_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL) AS valid, a.role, a.must_change_password, a.totp_enabled_at
         FROM session s JOIN account a ON a.id = s.account_id WHERE s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    const state: SessionState = {
      valid: row?.valid === true,
      pendingSetup: row
        ? setupStepOf({ role: row.role, mustChangePassword: row.must_change_password, totpEnabledAt: row.totp_enabled_at }, this.config)
        : undefined,
      checkedAt: Date.now(),
    };
    // A session still in set-up is read afresh every time: once the step is done in any
    // process, the next request anywhere must see it.
    if (state.pendingSetup) return state;
    if (this.sessions.size > 50_000) this.sessions.clear();
    this.sessions.set(sessionId, state);
    return state;
  }
}
