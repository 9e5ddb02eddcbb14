import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from 'argon2';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';

import { AuditService, SecurityEventKind } from '@jobcode/audit';
import { type AccountSetupStep, type Actor, AppConfig, parsePhone, Role, Secrets } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { inTransaction } from '@jobcode/database';
import { RateLimitService } from '@jobcode/rate-limit';

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
}
const WRONG_CREDENTIALS = '手机号或密码不正确';
/** Account-wide failures (from every client), in multiples of SIGN_IN_MAX_FAILURES, after which the account is paced. */
const SIGN_IN_ACCOUNT_SLOW_AFTER = 4;
/** While paced, one password check per account this often. */
const SIGN_IN_ACCOUNT_PACE_SECONDS = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  private readonly key: Uint8Array;
  /** A real argon2 hash so that an unknown phone costs the same time as a wrong password. */
  private readonly decoyHash: Promise<string> = hash('decoy-password-1');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PersonalDataCipher,
    private readonly rateLimits: RateLimitService,
    secrets: Secrets,
  ) {
    this.key = new TextEncoder().encode(secrets.jwtSecret);
  }

  /**
   * Checks a phone and password. The MLPS lock-out is counted per account *and client* (the
   * keyed client address): after SIGN_IN_MAX_FAILURES failures that client may not try the
   * account for SIGN_IN_LOCK_MINUTES, while the owner, elsewhere, still signs in. Failures are
   * also counted per account from everywhere: past SIGN_IN_ACCOUNT_SLOW_AFTER of them in the window,
   * the account accepts one attempt every SIGN_IN_ACCOUNT_PACE_SECONDS (a slow-down for guessing
   * from many addresses, never a lock a stranger can put on someone else's account). Counters
   * live in PostgreSQL (one upsert each, shared by every process); attempts on one account are
   * serialised by its row lock, so aliases in one request count one by one. An account with an
   * authenticator app also needs its current code; a wrong or reused code counts as a failure.
   */
  async signIn(rawPhone: string, password: string, oneTimeCode: string | undefined, clientKey: string): Promise<IssuedToken> {
    let phone: string;
    try {
      phone = parsePhone(rawPhone);
    } catch {
      await verify(await this.decoyHash, password);
      throw new AccountsException(AccountsExceptionCode.WRONG_CREDENTIALS, WRONG_CREDENTIALS);
    }
    const maxFailures = this.config.SIGN_IN_MAX_FAILURES;
    const windowSeconds = this.config.SIGN_IN_LOCK_MINUTES * 60;
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const account = await this.accounts.findByPhone(phone, manager, true);
      if (!account) {
        await verify(await this.decoyHash, password);
        await this.audit.security({ kind: SecurityEventKind.SIGN_IN_FAILED, subject: 'unknown-phone' }, manager);
        return { error: new AccountsException(AccountsExceptionCode.WRONG_CREDENTIALS, WRONG_CREDENTIALS) };
      }
      if (account.disabledAt) return { error: new AccountsException(AccountsExceptionCode.ACCOUNT_DISABLED, '该账号已停用，请联系管理员') };
      const clientFailures = `sign-in-failures:${account.id}:${clientKey}`;
      const accountFailures = `sign-in-failures:${account.id}`;
      const locked = await this.rateLimits.peek(clientFailures, manager);
      if (locked.hits >= maxFailures) {
        await this.audit.security({ kind: SecurityEventKind.SIGN_IN_FAILED, accountId: account.id, subject: 'locked' }, manager);
        return { error: this.lockedError(locked.retryAfterSeconds) };
      }
      if ((await this.rateLimits.peek(accountFailures, manager)).hits >= maxFailures * SIGN_IN_ACCOUNT_SLOW_AFTER) {
        const pace = await this.rateLimits.hit(`sign-in-pace:${account.id}`, 1, SIGN_IN_ACCOUNT_PACE_SECONDS, manager);
        if (!pace.allowed) {
          return {
            error: new AccountsException(
              AccountsExceptionCode.ACCOUNT_LOCKED,
              `该账号近期多次登录失败，为保护账号，每 ${SIGN_IN_ACCOUNT_PACE_SECONDS} 秒只能尝试一次，请稍后再试`,
              { details: { retryAfterSeconds: pace.retryAfterSeconds } },
            ),
          };
        }
      }
      const fail = async (message: string, subject?: string) => {
        const { hits: failures, retryAfterSeconds } = await this.rateLimits.hit(clientFailures, maxFailures, windowSeconds, manager);
        await this.rateLimits.hit(accountFailures, Number.MAX_SAFE_INTEGER, windowSeconds, manager);
        const locks = failures >= maxFailures;
        await this.audit.security(
          { kind: locks ? SecurityEventKind.ACCOUNT_LOCKED : SecurityEventKind.SIGN_IN_FAILED, accountId: account.id, subject, detail: { failures } },
          manager,
        );
        const reason = subject ? AccountsExceptionCode.WRONG_SECOND_FACTOR : AccountsExceptionCode.WRONG_CREDENTIALS;
        return {
          error: locks
            ? this.lockedError(retryAfterSeconds)
            : new AccountsException(reason, `${message}，再错 ${maxFailures - failures} 次将锁定 ${this.config.SIGN_IN_LOCK_MINUTES} 分钟`),
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
      await this.rateLimits.clear(clientFailures, manager);
      const now = new Date();
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

  private lockedError(retryAfterSeconds: number): AccountsException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AccountsException(AccountsExceptionCode.ACCOUNT_LOCKED, `密码错误次数过多，已暂停从此处登录该账号，请 ${minutes} 分钟后再试`, {
      details: {
        retryAfterSeconds: minutes * 60,
      },
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
   * with the method. Wrong-password counters (rate_limit_bucket) do not stand in its way.
   */
  async startVerifiedSession(account: Account, method: 'phone-code'): Promise<IssuedToken> {
    if (account.disabledAt) throw new AccountsException(AccountsExceptionCode.ACCOUNT_DISABLED, '该账号已停用，请联系管理员');
    const now = new Date();
    const session = await inTransaction(this.dataSource, async (manager) => {
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
    const accessToken = await new SignJWT({ role: account.role, region: account.regionCode, sid: session.id, gen: session.tokenGeneration })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { accessToken, expiresAt, sessionExpiresAt: session.expiresAt, account };
  }

  /**
   * A fresh access token while the session lasts. The session's token generation moves on, so
   * the token it replaces stops working at once, on every process.
   */
  async renew(actor: Actor): Promise<IssuedToken> {
    const [rows] = (await this.dataSource.query(
      `UPDATE session SET token_generation = token_generation + 1
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id, token_generation, expires_at`,
      [actor.sessionId],
    )) as [{ id: string; token_generation: number; expires_at: Date }[], number];
    const row = rows[0];
    if (!row) throw new AccountsException(AccountsExceptionCode.SESSION_EXPIRED, '登录已过期，请重新登录');
    const session = Object.assign(new Session(), { id: row.id, tokenGeneration: row.token_generation, expiresAt: new Date(row.expires_at) });
    return this.issue(await this.accounts.requireById(actor.accountId), session);
  }

  async signOut(actor: Actor): Promise<void> {
    await this.dataSource.manager.update(Session, { id: actor.sessionId }, { revokedAt: new Date() });
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
    const passwordHash = await hash(newPassword);
    // The account's other sessions end with the old password (a stolen token or a forgotten
    // sign-in elsewhere); this one goes on.
    const sessionsEnded = await inTransaction(this.dataSource, async (manager) => {
      await manager.update(Account, { id: account.id }, { passwordHash, mustChangePassword: false });
      const [, ended] = (await manager.query(`UPDATE session SET revoked_at = now() WHERE account_id = $1 AND id <> $2 AND revoked_at IS NULL`, [
        account.id,
        actor.sessionId,
      ])) as [unknown, number];
      return ended;
    });
    await this.audit.security({ kind: SecurityEventKind.PASSWORD_CHANGED, accountId: account.id, detail: { sessionsEnded } });
  }

  /** The actor behind a bearer token, or the reason it is not accepted. */
  async authenticate(token: string): Promise<{ actor?: Actor; error?: string }> {
    let payload: { sub?: string; sid?: unknown; gen?: unknown; role?: unknown; region?: unknown };
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return { error: expired ? '登录已过期，请重新登录' : '登录凭证无效，请重新登录' };
    }
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!payload.sub || !sid || !Object.values(Role).includes(payload.role as Role)) return { error: '登录凭证无效，请重新登录' };
    // Tokens issued before token generations existed carry none: generation 0, the column's default.
    const session = await this.sessionState(sid, typeof payload.gen === 'number' ? payload.gen : 0);
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

  /**
   * The session as it is now in the database, read on every request: a sign-out, a password
   * change, a renewal or a reset on any process takes effect on the next request everywhere
   * (one primary-key lookup; no process keeps its own copy). Without a generation (a download
   * ticket, bound to the session rather than to one token) any live token generation will do.
   */
  private async sessionState(sessionId: string, generation?: number): Promise<SessionState> {
    if (!UUID.test(sessionId)) return { valid: false };
    const rows: { valid: boolean; role: Role; must_change_password: boolean; totp_enabled_at: Date | null }[] = await this.dataSource.query(
      `SELECT (s.revoked_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL AND ($2::int IS NULL OR s.token_generation = $2)) AS valid,
              a.role, a.must_change_password, a.totp_enabled_at
         FROM session s JOIN account a ON a.id = s.account_id WHERE s.id = $1`,
      [sessionId, generation ?? null],
    );
    const row = rows[0];
    return {
      valid: row?.valid === true,
      pendingSetup: row
        ? setupStepOf({ role: row.role, mustChangePassword: row.must_change_password, totpEnabledAt: row.totp_enabled_at }, this.config)
        : undefined,
    };
  }
}
