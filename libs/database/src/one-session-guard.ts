import { AsyncLocalStorage } from 'node:async_hooks';

import { type DataSource, type QueryRunner } from 'typeorm';

/** The transaction the current async flow holds (set by inTransaction). */
const held = new AsyncLocalStorage<QueryRunner>();
const guarded = new WeakSet<object>();

/** Runs `work` as holding `runner`'s transaction. */
export function holdingTransaction<T>(runner: QueryRunner | undefined, work: () => Promise<T>): Promise<T> {
  return runner ? held.run(runner, work) : work();
}

export class QueryOutsideTransactionError extends Error {
  constructor(sql: string) {
    super(
      `A query went through another connection while this flow holds an open transaction: ${sql.replace(/\s+/g, ' ').slice(0, 160)}. ` +
        'On the embedded database (one session) it would wait for that transaction for ever: run it through the transaction’s EntityManager, or before or after the transaction.',
    );
    this.name = 'QueryOutsideTransactionError';
  }
}

/**
 * Refuses, at once and naming the statement, a query made through another connection by code that
 * holds an open transaction (inside inTransaction's callback). PGlite is one session: such a
 * query waits for the transaction, which waits for the query — the flow hangs until the pool gives
 * up. Installed on the embedded database and in tests (where the PostgreSQL server would hide it).
 */
export function guardOneSession(dataSource: DataSource): void {
  const probe = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(probe) as { query: (this: QueryRunner, ...args: unknown[]) => Promise<unknown> };
  void probe.release();
  if (guarded.has(prototype)) return;
  guarded.add(prototype);
  const query = prototype.query;
  prototype.query = function (this: QueryRunner, ...args: unknown[]) {
    const holder = held.getStore();
    if (holder && holder !== this && !holder.isReleased && holder.isTransactionActive) {
      return Promise.reject(new QueryOutsideTransactionError(String(args[0])));
    }
    return query.apply(this, args);
  };
}
