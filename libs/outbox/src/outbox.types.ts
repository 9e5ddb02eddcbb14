import { type EntityManager } from 'typeorm';

/** What a feature publishes. */
export interface OutboxEventInput {
  /** What happened, dotted and stable: `contract.activated`. At most 100 characters. */
  type: string;
  /** The id of the thing it happened to. At most 100 characters. */
  aggregateId: string;
  /** JSON-serialisable facts a handler needs. Never personal data in clear: encrypt it first. */
  payload: object;
  /** Publishing twice with the same key writes one event (the first). At most 200 characters. */
  idempotencyKey?: string;
}

/** What a handler receives. */
export interface OutboxEvent<P = Record<string, unknown>> {
  /** Stable across retries: the key for a handler to dedupe on. */
  id: string;
  type: string;
  aggregateId: string;
  payload: P;
  createdAt: Date;
}

export interface DeliveryContext {
  /**
   * A transaction that commits together with the delivery being marked done: database
   * writes made through it happen exactly once. Side effects outside the database
   * (an SMS) can repeat after a crash: dedupe them on `event.id`.
   */
  manager: EntityManager;
  /** 1 on the first attempt. */
  attempt: number;
  handler: string;
}

/** Must be idempotent: the same event may be handed over again after a crash or an expired lease. */
export type OutboxHandler<P = Record<string, unknown>> = (event: OutboxEvent<P>, context: DeliveryContext) => Promise<void>;

export interface OutboxStats {
  /** Deliveries waiting, retrying or in progress. */
  pending: number;
  /** Deliveries that gave up after the maximum attempts. */
  dead: number;
  /** Age of the oldest pending delivery, in seconds; null when none is pending. */
  oldestPendingSeconds: number | null;
}
