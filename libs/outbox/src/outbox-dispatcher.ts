import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

import { AppConfig } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';

import { DeliveryStatus, OutboxDelivery } from './outbox-delivery.entity';
import { OutboxEventRecord } from './outbox-event.entity';
import { OutboxRegistry } from './outbox-registry';
import { type OutboxEvent } from './outbox.types';

/** The channel publishers NOTIFY on commit; dispatchers on a PostgreSQL server LISTEN to it. */
export const OUTBOX_CHANNEL = 'jobcode_outbox';
/** Set on a transaction's QueryRunner by publish(): its commit wakes this process's dispatcher. */
export const PUBLISHED_FLAG = 'jobcodeOutboxPublished';

const BATCH_SIZE = 50;
const MAX_RETRY_DELAY_MS = 3_600_000;
const LISTEN_RETRY_MS = 5_000;
const SWEEP_EVERY_MS = 3_600_000;
const SWEEP_BATCH = 5_000;

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  handler: string;
  /** The attempt this claim is; completing requires it to still be the latest (fencing). */
  attempt: number;
}

class LeaseLostError extends Error {
  constructor(delivery: ClaimedDelivery) {
    super(`Lease on outbox delivery ${delivery.id} (attempt ${delivery.attempt}) was lost: another dispatcher took it over`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drains the outbox: claims due deliveries with `FOR UPDATE SKIP LOCKED` (so any number
 * of processes on one database share the work, each delivery going to one of them),
 * runs each handler in a transaction that also marks the delivery done, retries failures
 * with exponential backoff, and marks a delivery DEAD after OUTBOX_MAX_ATTEMPTS.
 * A claim is a lease: if the process dies, the delivery becomes due again when it ends.
 * Wakes on commits in this process, on NOTIFY from other processes (PostgreSQL server
 * only: PGlite's socket does not deliver notifications), and every OUTBOX_POLL_MS.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  /** Identifies this process in `claimed_by`. */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private listener?: Client;
  private listenTimer?: NodeJS.Timeout;
  private embedded = false;
  private lastSweep = 0;
  private readonly subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: (event: TransactionCommitEvent) => {
      if (event.queryRunner.data?.[PUBLISHED_FLAG] && !event.queryRunner.isTransactionActive) {
        delete event.queryRunner.data[PUBLISHED_FLAG];
        this.wake();
      }
    },
    afterTransactionRollback: (event: TransactionRollbackEvent) => {
      if (!event.queryRunner.isTransactionActive && event.queryRunner.data) delete event.queryRunner.data[PUBLISHED_FLAG];
    },
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: OutboxRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.dataSource.subscribers.push(this.subscriber);
    const [{ version }] = (await this.dataSource.query('SELECT version() AS version')) as { version: string }[];
    this.embedded = version.includes('PGlite');
    if (this.config.OUTBOX_DISPATCHER === 'off') return;
    this.running = true;
    if (!this.embedded) await this.listen();
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake();
    if (this.listenTimer) clearTimeout(this.listenTimer);
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    const index = this.dataSource.subscribers.indexOf(this.subscriber);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Makes the loop look for work now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Processes deliveries until none of this process's handlers has one pending, waiting
   * out retry delays and other processes' leases. For tests and CLIs; returns how many
   * deliveries this call attempted. Throws when work is still pending after `timeoutMs`.
   */
  async drain(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let attempted = 0;
    for (;;) {
      const count = await this.tick();
      attempted += count;
      if (count > 0) continue;
      const dueInMs = await this.nextDueInMs();
      if (dueInMs === null) return attempted;
      if (Date.now() >= deadline) throw new Error(`Outbox drain timed out after ${timeoutMs} ms with deliveries still pending`);
      await sleep(Math.min(Math.max(dueInMs, 5), 500, Math.max(deadline - Date.now(), 5)));
    }
  }

  /** Claims up to `limit` due deliveries for this process's handlers, leasing them for OUTBOX_LEASE_SECONDS. */
  async claim(limit = BATCH_SIZE): Promise<ClaimedDelivery[]> {
    const names = this.registry.allNames();
    if (names.length === 0) return [];
    const rows = (await this.dataSource.query(
      `WITH picked AS (
         SELECT id FROM outbox_delivery
         WHERE status = 'PENDING' AND available_at <= now() AND handler = ANY($1::text[])
         ORDER BY available_at, id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox_delivery d
       SET attempts = d.attempts + 1, available_at = now() + make_interval(secs => $3), claimed_by = $4
       FROM picked WHERE d.id = picked.id
       RETURNING d.id::text AS id, d.event_id AS "eventId", d.handler, d.attempts AS attempt`,
      [names, limit, this.config.OUTBOX_LEASE_SECONDS, this.workerId],
    )) as [ClaimedDelivery[], number] | ClaimedDelivery[];
    // UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    return (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedDelivery[];
  }

  /** Runs claimed deliveries; each ends DONE, scheduled for a retry, DEAD, or untouched when its lease was lost. */
  async deliver(claimed: ClaimedDelivery[]): Promise<void> {
    if (claimed.length === 0) return;
    const events = await this.dataSource.getRepository(OutboxEventRecord).findBy(claimed.map((c) => ({ id: c.eventId })));
    const byId = new Map(events.map((e) => [e.id, e]));
    const concurrency = this.embedded ? 1 : 4;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++];
        await this.deliverOne(delivery, byId.get(delivery.eventId));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  }

  /**
   * Deletes events older than OUTBOX_RETENTION_DAYS whose deliveries are all DONE (their
   * deliveries go with them), in batches; events with a pending or DEAD delivery stay.
   * Returns how many events were deleted. Runs hourly in the dispatch loop.
   */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `DELETE FROM outbox_event WHERE id IN (
           SELECT e.id FROM outbox_event e
           WHERE e.created_at < now() - make_interval(days => $1)
             AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.status <> 'DONE')
           LIMIT $2)
         RETURNING id`,
        [this.config.OUTBOX_RETENTION_DAYS, SWEEP_BATCH],
      )) as [unknown[], number];
      deleted += rows[1];
      if (rows[1] < SWEEP_BATCH) return deleted;
    }
  }

  private async tick(): Promise<number> {
    const claimed = await this.claim();
    await this.deliver(claimed);
    return claimed.length;
  }

  private async deliverOne(delivery: ClaimedDelivery, record: OutboxEventRecord | undefined): Promise<void> {
    const handler = this.registry.handler(delivery.handler);
    try {
      if (!record) throw new Error(`Outbox event ${delivery.eventId} is gone`);
      if (!handler) throw new Error(`No handler "${delivery.handler}" in this process`);
      const event: OutboxEvent = { id: record.id, type: record.type, aggregateId: record.aggregateId, payload: record.payload, createdAt: record.createdAt };
      await inTransaction(this.dataSource, async (manager) => {
        await this.withinLease(handler(event, { manager, attempt: delivery.attempt, handler: delivery.handler }));
        const done = await manager
          .createQueryBuilder()
          .update(OutboxDelivery)
          .set({ status: DeliveryStatus.DONE, completedAt: () => 'now()', lastError: null })
          .where('id = :id AND attempts = :attempt AND status = :pending', { id: delivery.id, attempt: delivery.attempt, pending: DeliveryStatus.PENDING })
          .execute();
        if (done.affected !== 1) throw new LeaseLostError(delivery);
      });
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger.warn(error.message);
        return;
      }
      await this.recordFailure(delivery, error);
    }
  }

  /** A handler still running when its lease ends fails this attempt (and is retried), rather than holding its transaction open. */
  private async withinLease(work: Promise<void>): Promise<void> {
    const limitMs = this.config.OUTBOX_LEASE_SECONDS * 1000 * 0.9;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`handler did not finish before its lease ended (OUTBOX_LEASE_SECONDS=${this.config.OUTBOX_LEASE_SECONDS})`)),
        limitMs,
      );
    });
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
    const base = this.config.OUTBOX_RETRY_BASE_MS * 2 ** Math.min(delivery.attempt - 1, 30);
    const delayMs = Math.min(base, MAX_RETRY_DELAY_MS) * (0.75 + Math.random() * 0.5);
    const rows = (await this.dataSource.query(
      `UPDATE outbox_delivery
       SET status = CASE WHEN attempts >= $3 THEN 'DEAD' ELSE 'PENDING' END,
           available_at = now() + make_interval(secs => $4), last_error = $5
       WHERE id = $1 AND attempts = $2 AND status = 'PENDING'
       RETURNING status`,
      [delivery.id, delivery.attempt, this.config.OUTBOX_MAX_ATTEMPTS, delayMs / 1000, message],
    )) as [{ status: DeliveryStatus }[], number];
    const status = rows[0]?.[0]?.status;
    if (status === DeliveryStatus.DEAD) {
      this.logger.error(`Delivery ${delivery.id} (${delivery.handler}, event ${delivery.eventId}) is DEAD after ${delivery.attempt} attempts: ${message}`);
    } else if (status) {
      this.logger.warn(`Delivery ${delivery.id} (${delivery.handler}) attempt ${delivery.attempt} failed, retrying in ${Math.round(delayMs)} ms: ${message}`);
    }
  }

  /** Milliseconds until this process's next pending delivery is due (0 if one is due now); null when none is pending. */
  private async nextDueInMs(): Promise<number | null> {
    const names = this.registry.allNames();
    if (names.length === 0) return null;
    const [row] = (await this.dataSource.query(
      `SELECT (extract(epoch FROM min(available_at) - now()) * 1000)::float8 AS due
       FROM outbox_delivery WHERE status = 'PENDING' AND handler = ANY($1::text[])`,
      [names],
    )) as { due: number | null }[];
    return row.due === null ? null : Math.max(0, Number(row.due));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let count = 0;
      try {
        count = await this.tick();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.error(`Outbox dispatch failed (${failures} in a row): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.running) break;
      if (count === 0 && Date.now() - this.lastSweep > SWEEP_EVERY_MS) {
        this.lastSweep = Date.now();
        await this.sweep().catch((error: unknown) => this.logger.warn(`Outbox sweep failed: ${error instanceof Error ? error.message : String(error)}`));
      }
      if (count === 0) await this.idle(failures ? Math.min(this.config.OUTBOX_POLL_MS * 2 ** failures, 60_000) : this.config.OUTBOX_POLL_MS);
    }
  }

  private async idle(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = undefined;
    this.woken = false;
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url || !this.running) return;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    const retry = (reason: string) => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn(`LISTEN ${OUTBOX_CHANNEL} lost (${reason}); polling every ${this.config.OUTBOX_POLL_MS} ms until it is back`);
      this.listenTimer = setTimeout(() => void this.listen(), LISTEN_RETRY_MS);
      this.listenTimer.unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', (error) => retry(error.message));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      retry(error instanceof Error ? error.message : String(error));
    }
  }
}
