import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { Account, AccountsService } from '@jobcode/accounts';
import { countyToday } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { NotificationChannel, NotificationsService, NotificationTemplates } from '@jobcode/notifications';
import { JobSeeker } from '@jobcode/seekers';

import { DataDeletionRequest, DeletionOutcome } from './data-deletion-request.entity';
import { DataErasure, inWords, retentionOf } from './data-erasure';

/** Retention dates are days: an hourly look is soon enough, and cheap (one indexed-size table). */
export const DELETION_SWEEP_MS = 3_600_000;
/** Requests finished per sweep; the next sweep takes the rest. */
const SWEEP_LIMIT = 500;

export interface DeletionSweepResult {
  /** Requests whose kept records were erased. */
  erased: number;
  /** Requests whose retention date became known (the contract that was still running has ended). */
  dated: number;
}

/**
 * Finishes deletion requests (PIPL art. 47) once what the law kept has served its time:
 * every hour, each RESTRICTED request whose `retainedUntil` has passed is erased
 * (DataErasure.afterRetention), the account closed, the person texted, and the request
 * marked `erasedAt` with what was erased. A request kept "until two years after a running
 * contract ends" gets its date as soon as the contract ends.
 *
 * Safe with several API processes on one database: each request is claimed in its own
 * transaction with `FOR UPDATE SKIP LOCKED`, so one process erases it and the others pass
 * it by; a crash rolls the claim back and the next sweep takes it again.
 */
@Injectable()
export class DataDeletionSweeper implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DataDeletionSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<DeletionSweepResult>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly templates: NotificationTemplates,
    private readonly erasure: DataErasure,
  ) {}

  onModuleInit(): void {
    this.templates.register({ key: 'privacy.deletion-finished', title: '依法保存的个人信息已删除', text: '{notice}' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), DELETION_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass (also for tests and CLIs); a pass already running in this process is joined, not repeated. */
  async sweep(now = new Date()): Promise<DeletionSweepResult> {
    this.running ??= this.pass(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<DeletionSweepResult> {
    const today = countyToday(now);
    const result: DeletionSweepResult = { erased: 0, dated: 0 };
    const seen: string[] = [];
    try {
      while (seen.length < SWEEP_LIMIT) {
        const step = await inTransaction(this.dataSource, (manager) => this.finishOne(manager, today, seen));
        if (step === 'none') break;
        if (step === 'erased') result.erased++;
        if (step === 'dated') result.dated++;
      }
    } catch (error) {
      this.logger.error(`Deletion sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (result.erased || result.dated) this.logger.log(`Deletion sweep: ${result.erased} request(s) finished, ${result.dated} dated`);
    return result;
  }

  /** Claims one due request no other process holds, and erases it (or dates it, or leaves it for later). */
  private async finishOne(manager: EntityManager, today: string, seen: string[]): Promise<'none' | 'erased' | 'dated' | 'waiting'> {
    const [due] = (await manager.query(
      `SELECT id FROM data_deletion_request
        WHERE outcome = $1 AND erased_at IS NULL AND (retained_until IS NULL OR retained_until < $2) AND NOT (id = ANY($3::uuid[]))
        ORDER BY requested_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [DeletionOutcome.RESTRICTED, today, seen],
    )) as { id: string }[];
    if (!due) return 'none';
    seen.push(due.id);
    const request = await manager.findOneOrFail(DataDeletionRequest, { where: { id: due.id } });
    const seeker = request.jobSeekerId ? await manager.findOne(JobSeeker, { where: { id: request.jobSeekerId } }) : null;
    let dated = false;
    if (request.retainedUntil === null) {
      // Kept until two years after a contract that was still running ends: date it once it has.
      const retention = seeker ? await retentionOf(manager, seeker.id, countyToday(request.requestedAt)) : null;
      if (retention?.untilContractEnds) return 'waiting';
      request.retainedUntil = retention?.until ?? null;
      dated = request.retainedUntil !== null;
      if (request.retainedUntil !== null && request.retainedUntil >= today) {
        await manager.update(DataDeletionRequest, { id: request.id }, { retainedUntil: request.retainedUntil });
        return 'dated';
      }
    }
    const account = await manager.findOne(Account, { where: { id: request.accountId } });
    const erased = seeker ? await this.erasure.afterRetention(manager, seeker, account?.id ?? null) : [];
    const notice = `您依法保存的个人信息（${erased.join('；')}）已于${inWords(today)}保存期满删除，账号已注销，此手机号以后可以重新注册。此前已计入的统计人数不变，但不再能识别到您。`;
    if (account && !account.disabledAt) {
      const phone = this.accounts.phoneOf(account);
      await manager.delete('notification_message', { accountId: account.id });
      if (phone) {
        await this.notifications.send(manager, {
          to: { phone },
          channel: NotificationChannel.SMS,
          template: 'privacy.deletion-finished',
          params: { notice: notice.length > 300 ? `${notice.slice(0, 290)}…` : notice },
          idempotencyKey: `privacy:deletion-finished:${account.id}`,
        });
      }
      await this.erasure.closeAccount(manager, account);
    }
    await manager.update(
      DataDeletionRequest,
      { id: request.id },
      // The reason the person gave goes too: the request keeps only what was decided and done.
      { erasedAt: new Date(), erased, reason: null, ...(dated ? { retainedUntil: request.retainedUntil } : {}) },
    );
    return 'erased';
  }
}
