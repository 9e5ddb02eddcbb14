import { randomInt, timingSafeEqual } from 'node:crypto';

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { parsePhone } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { RateLimitService } from '@jobcode/rate-limit';

import { PhoneCode } from './phone-code.entity';
import { PhoneCodePurpose, PURPOSE_WORDS } from './phone-code-purpose';
import { PhoneCodesException, PhoneCodesExceptionCode } from './phone-codes.exception';

export const PHONE_CODE_TTL_MINUTES = 10;
export const PHONE_CODE_MAX_ATTEMPTS = 5;
export const PHONE_CODE_TEMPLATE = 'phone.code';

/**
 * How many codes may be texted. Every window is counted in PostgreSQL (rate_limit_bucket),
 * shared by all API processes, and counts requests whether or not the phone has an account.
 */
export const PHONE_CODE_LIMITS = {
  /** One code per phone per minute (the "resend in 60 s" of every Chinese app). */
  perPhoneMinute: { points: 1, windowSeconds: 60 },
  perPhoneHour: { points: 5, windowSeconds: 3600 },
  perPhoneDay: { points: 10, windowSeconds: 86_400 },
  /** Per client address (keyed hash), whatever phones it asks for. */
  perClientHour: { points: 20, windowSeconds: 3600 },
  perClientDay: { points: 50, windowSeconds: 86_400 },
} as const;

const PHONE_HASH_PURPOSE = 'phone-code';
const CODE_HASH_PURPOSE = 'phone-code-value';

export interface IssuedPhoneCode {
  expiresAt: Date;
  resendAfterSeconds: number;
}

/**
 * One-time codes texted to a mobile number (through the notification port, so the dev
 * adapter records them): single use, valid PHONE_CODE_TTL_MINUTES, at most
 * PHONE_CODE_MAX_ATTEMPTS wrong tries, a newer code replaces older ones, only HMACs at
 * rest. Asking never tells whether the phone has an account: the same code goes out and
 * the same answer comes back either way.
 */
@Injectable()
export class PhoneCodesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly cipher: PersonalDataCipher,
    private readonly rateLimits: RateLimitService,
  ) {}

  onModuleInit(): void {
    this.templates.register({
      key: PHONE_CODE_TEMPLATE,
      title: '短信验证码',
      text: '您正在{purpose}，验证码 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本短信，不要把验证码告诉任何人。',
    });
  }

  phoneHash(phone: string): string {
    return this.cipher.hash(phone, PHONE_HASH_PURPOSE);
  }

  private codeHash(phone: string, purpose: PhoneCodePurpose, scope: string, code: string): string {
    return this.cipher.hash(`${phone}:${purpose}:${scope}:${code}`, CODE_HASH_PURPOSE);
  }

  /** Refuses (RATE_LIMITED) beyond PHONE_CODE_LIMITS; each window is counted once per request. */
  private async countRequest(phoneHash: string, clientKey: string): Promise<void> {
    const checks: [string, { points: number; windowSeconds: number }][] = [
      [`phone-code:c:${clientKey}:h`, PHONE_CODE_LIMITS.perClientHour],
      [`phone-code:c:${clientKey}:d`, PHONE_CODE_LIMITS.perClientDay],
      [`phone-code:p:${phoneHash}:m`, PHONE_CODE_LIMITS.perPhoneMinute],
      [`phone-code:p:${phoneHash}:h`, PHONE_CODE_LIMITS.perPhoneHour],
      [`phone-code:p:${phoneHash}:d`, PHONE_CODE_LIMITS.perPhoneDay],
    ];
    for (const [key, rule] of checks) {
      const result = await this.rateLimits.hit(key, rule.points, rule.windowSeconds);
      if (!result.allowed) {
        const wait = result.retryAfterSeconds;
        const when = wait <= 90 ? `${wait} 秒后` : wait <= 5400 ? `${Math.ceil(wait / 60)} 分钟后` : '明天';
        throw new PhoneCodesException(PhoneCodesExceptionCode.TOO_MANY_CODES, `获取验证码太频繁，请${when}再试；收不到短信请联系村或乡镇工作人员`, {
          field: 'input.phone',
          details: { retryAfterSeconds: wait },
        });
      }
    }
  }

  /** Texts a new code to `rawPhone` for `purpose` (and `scope`), replacing any earlier one. */
  async request(rawPhone: string, purpose: PhoneCodePurpose, clientKey: string, scope = ''): Promise<IssuedPhoneCode> {
    const phone = parsePhone(rawPhone, 'input.phone');
    const phoneHash = this.phoneHash(phone);
    await this.countRequest(phoneHash, clientKey);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + PHONE_CODE_TTL_MINUTES * 60_000);
    await inTransaction(this.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(PhoneCode)
        .set({ expiresAt: () => 'least(expires_at, now())' })
        .where('phone_hash = :phoneHash AND purpose = :purpose AND scope = :scope AND used_at IS NULL', { phoneHash, purpose, scope })
        .execute();
      const saved = await manager.save(
        manager.create(PhoneCode, { phoneHash, purpose, scope, codeHash: this.codeHash(phone, purpose, scope, code), expiresAt }),
      );
      await this.notifications.send(manager, {
        to: { phone },
        channel: NotificationChannel.SMS,
        template: PHONE_CODE_TEMPLATE,
        params: { purpose: PURPOSE_WORDS[purpose], code, minutes: PHONE_CODE_TTL_MINUTES },
        idempotencyKey: `phone-code:${saved.id}`,
      });
    });
    return { expiresAt, resendAfterSeconds: PHONE_CODE_LIMITS.perPhoneMinute.windowSeconds };
  }

  /**
   * Checks `code` against the newest code texted to `rawPhone` for `purpose` and, when it
   * matches, marks it used and runs `action` in the same transaction: if the action fails
   * the code stays unused. A wrong code is counted (committed) before the error is thrown.
   */
  async consume<T>(
    rawPhone: string,
    purpose: PhoneCodePurpose,
    code: string,
    action: (manager: EntityManager, phone: string) => Promise<T>,
    options: { scope?: string; field?: string; missingMessage?: string } = {},
  ): Promise<T> {
    const phone = parsePhone(rawPhone, 'input.phone');
    const scope = options.scope ?? '';
    const field = options.field ?? 'input.code';
    const phoneHash = this.phoneHash(phone);
    const outcome = await inTransaction(this.dataSource, async (manager): Promise<{ value: T } | { error: PhoneCodesException }> => {
      const row = await manager.findOne(PhoneCode, {
        where: { phoneHash, purpose, scope },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.usedAt) {
        const message = options.missingMessage ?? '请先点击“获取验证码”，再填写手机收到的 6 位验证码（每个验证码只能用一次）';
        throw new PhoneCodesException(PhoneCodesExceptionCode.CODE_INVALID, message, { field });
      }
      if (row.attempts >= PHONE_CODE_MAX_ATTEMPTS) {
        throw new PhoneCodesException(PhoneCodesExceptionCode.TOO_MANY_ATTEMPTS, `验证码已输错 ${PHONE_CODE_MAX_ATTEMPTS} 次，已失效；请重新获取验证码`, {
          field,
        });
      }
      if (row.expiresAt.getTime() <= Date.now()) {
        throw new PhoneCodesException(PhoneCodesExceptionCode.CODE_EXPIRED, `验证码已过期（${PHONE_CODE_TTL_MINUTES} 分钟内有效），请重新获取`, { field });
      }
      const expected = Buffer.from(row.codeHash);
      const given = Buffer.from(this.codeHash(phone, purpose, scope, String(code).trim()));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        row.attempts += 1;
        await manager.save(row);
        const left = PHONE_CODE_MAX_ATTEMPTS - row.attempts;
        return {
          error: new PhoneCodesException(
            PhoneCodesExceptionCode.CODE_INVALID,
            left > 0 ? `验证码不正确，请核对短信后重试（还可尝试 ${left} 次）` : '验证码不正确；已输错 5 次，验证码已失效，请重新获取',
            { field, details: { attemptsLeft: left } },
          ),
        };
      }
      row.usedAt = new Date();
      await manager.save(row);
      return { value: await action(manager, phone) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }
}
