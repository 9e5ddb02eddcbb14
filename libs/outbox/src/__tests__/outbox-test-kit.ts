import { DataSource, EntityManager } from 'typeorm';

import { type OutboxEvent, type DeliveryContext } from '../outbox.types';

/** A table the test handlers write to, so deliveries are counted by the database. */
export async function createReceiptTable(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE TABLE IF NOT EXISTS outbox_test_receipt (event_id uuid NOT NULL, handler text NOT NULL, attempt int NOT NULL)`);
}

/** A handler that records each call in outbox_test_receipt through its delivery transaction. */
export function receiptHandler() {
  return async (event: OutboxEvent, context: DeliveryContext): Promise<void> => {
    await context.manager.query('INSERT INTO outbox_test_receipt (event_id, handler, attempt) VALUES ($1, $2, $3)', [
      event.id,
      context.handler,
      context.attempt,
    ]);
  };
}

export async function receipts(
  dataSource: DataSource,
  where = 'true',
  params: unknown[] = [],
): Promise<{ eventId: string; handler: string; attempt: number }[]> {
  return dataSource.query(`SELECT event_id AS "eventId", handler, attempt FROM outbox_test_receipt WHERE ${where} ORDER BY handler`, params);
}

export async function deliveriesOf(dataSource: DataSource, eventId: string) {
  return (await dataSource.query(
    `SELECT id::text AS id, handler, status, attempts, last_error AS "lastError", available_at AS "availableAt", claimed_by AS "claimedBy"
     FROM outbox_delivery WHERE event_id = $1 ORDER BY handler`,
    [eventId],
  )) as { id: string; handler: string; status: string; attempts: number; lastError: string | null; availableAt: Date; claimedBy: string | null }[];
}

/** Polls `check` until it returns true; fails after `timeoutMs` (a liveness bound, not a speed test). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type Publish = (manager: EntityManager) => Promise<string>;
