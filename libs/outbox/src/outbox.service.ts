import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { DeliveryStatus, OutboxDelivery } from './outbox-delivery.entity';
import { OUTBOX_CHANNEL, OutboxDispatcher, PUBLISHED_FLAG } from './outbox-dispatcher';
import { OutboxRegistry } from './outbox-registry';
import { type OutboxEventInput, type OutboxHandler, type OutboxStats } from './outbox.types';

/**
 * The transactional outbox: features publish domain events inside their own
 * transaction and subscribe handlers to event types; the dispatcher delivers each
 * event to each handler (at least once, and exactly once for the handler's writes
 * through its `manager`), retrying failures and keeping the dead ones visible.
 */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: OutboxRegistry,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /**
   * Writes the event, and one pending delivery per handler subscribed to its type, in the
   * caller's transaction: if that transaction rolls back, nothing was published. Must be
   * called with a transaction's manager. Returns the event id; with an `idempotencyKey`
   * already used, writes nothing and returns the first event's id.
   */
  async publish(manager: EntityManager, event: OutboxEventInput): Promise<string> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('OutboxService.publish needs the EntityManager of an open transaction (use inTransaction or dataSource.transaction)');
    }
    if (!this.registry.isValidType(event.type)) throw new Error(`Outbox event type "${event.type}" is not a valid type name`);
    if (!event.aggregateId || event.aggregateId.length > 100) throw new Error('Outbox aggregateId must be 1 to 100 characters');
    if (event.idempotencyKey !== undefined && (event.idempotencyKey.length < 1 || event.idempotencyKey.length > 200)) {
      throw new Error('Outbox idempotencyKey must be 1 to 200 characters');
    }
    const handlers = this.registry.namesFor(event.type);
    // One round trip: the event, its deliveries, and a NOTIFY that other processes receive at
    // commit (dropped on rollback; PostgreSQL folds repeats within a transaction into one).
    const notify = handlers.length > 0;
    const inserted = (await manager.query(
      `WITH e AS (
         INSERT INTO outbox_event (type, aggregate_id, payload, idempotency_key) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id
       ), d AS (
         INSERT INTO outbox_delivery (event_id, handler) SELECT e.id, h FROM e CROSS JOIN unnest($5::text[]) AS h
       )
       SELECT e.id${notify ? `, pg_notify('${OUTBOX_CHANNEL}', '') IS NULL AS notified` : ''} FROM e`,
      [event.type, event.aggregateId, JSON.stringify(event.payload), event.idempotencyKey ?? null, handlers],
    )) as { id: string }[];
    if (inserted.length === 0) {
      const [existing] = (await manager.query('SELECT id FROM outbox_event WHERE idempotency_key = $1', [event.idempotencyKey])) as { id: string }[];
      return existing.id;
    }
    // Wakes this process's dispatcher when the transaction commits.
    if (handlers.length > 0) runner.data[PUBLISHED_FLAG] = true;
    return inserted[0].id;
  }

  /**
   * Calls `handler` for every event of `type` published from now on. `name` identifies the
   * handler in the database (one delivery row per event and name): keep it stable across
   * releases, and unique. Subscribe in `onModuleInit`.
   */
  subscribe<P = Record<string, unknown>>(type: string, name: string, handler: OutboxHandler<P>): void {
    this.registry.add(type, name, handler as OutboxHandler);
  }

  /** Delivers everything pending for this process's handlers, waiting out retries; for tests and CLIs. */
  drain(timeoutMs?: number): Promise<number> {
    return this.dispatcher.drain(timeoutMs);
  }

  /** Counts for a health check: pending (incl. retrying and in progress) and dead deliveries. */
  async stats(): Promise<OutboxStats> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'DEAD')::int AS dead,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING'))::float8 AS oldest
       FROM outbox_delivery WHERE status <> 'DONE'`,
    )) as { pending: number; dead: number; oldest: number | null }[];
    return { pending: row.pending, dead: row.dead, oldestPendingSeconds: row.oldest === null ? null : Math.round(row.oldest) };
  }

  /** The most recent dead deliveries with their last error, newest first. */
  async deadDeliveries(limit = 20): Promise<(OutboxDelivery & { eventType: string })[]> {
    const rows = await this.dataSource
      .getRepository(OutboxDelivery)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.event', 'e')
      .where('d.status = :dead', { dead: DeliveryStatus.DEAD })
      .orderBy('d.available_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((d) => Object.assign(d, { eventType: d.event?.type ?? '' }));
  }

  /** Puts DEAD deliveries (all, or one) back in the queue with a fresh attempt count; returns how many. */
  async retryDead(deliveryId?: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxDelivery)
      .set({ status: DeliveryStatus.PENDING, attempts: 0, availableAt: () => 'now()' })
      .where('status = :dead', { dead: DeliveryStatus.DEAD })
      .andWhere(deliveryId ? 'id = :id' : '1 = 1', { id: deliveryId })
      .execute();
    if (result.affected) this.dispatcher.wake();
    return result.affected ?? 0;
  }
}
