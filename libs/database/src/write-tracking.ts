import { AsyncLocalStorage } from 'node:async_hooks';

import { type DataSource, type QueryRunner } from 'typeorm';

/**
 * What one request wants to know about its writes: `onWrite` is called once for each
 * transaction that writes (inside it, before the write, on the transaction's runner, so it
 * commits or rolls back with the work) and after each write outside a transaction (which has
 * committed by then). The idempotency plugin uses it to record that a claimed key's work committed.
 */
export interface WriteScope {
  onWrite?: (runner: QueryRunner | undefined) => Promise<void>;
}

const scopes = new AsyncLocalStorage<WriteScope>();
/** Runners whose current transaction has been reported, per scope. */
const reported = new WeakMap<WriteScope, WeakSet<QueryRunner>>();
const tracked = new WeakSet<object>();

/** Runs `work` (a request) in its own write scope. */
export function runInWriteScope<T>(work: () => T): T {
  return scopes.run({}, work);
}

/** The current request's write scope, if it has one. */
export function currentWriteScope(): WriteScope | undefined {
  return scopes.getStore();
}

/** Tables written for bookkeeping around a request, not by its work. */
const BOOKKEEPING = new Set(['idempotency_key', 'rate_limit_bucket', 'security_event', 'scan_event']);
const WRITE = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO)\s+(?:ONLY\s+)?"?(\w+)"?/i;

/** The table a statement writes, or undefined for a read or a bookkeeping write. */
export function writtenTable(sql: string): string | undefined {
  const match = WRITE.exec(sql);
  if (!match) return undefined;
  const table = match[2].toLowerCase();
  return BOOKKEEPING.has(table) ? undefined : table;
}

/**
 * Watches every statement of the data source's query runners (once per runner class): a write
 * made while a write scope with `onWrite` is current is reported as described on WriteScope.
 */
export function trackWrites(dataSource: DataSource): void {
  const probe = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(probe) as {
    query: (this: QueryRunner, ...args: unknown[]) => Promise<unknown>;
    rollbackTransaction: (this: QueryRunner) => Promise<void>;
    commitTransaction: (this: QueryRunner) => Promise<void>;
  };
  void probe.release();
  if (tracked.has(prototype)) return;
  tracked.add(prototype);
  const { query, rollbackTransaction, commitTransaction } = prototype;
  prototype.query = async function (this: QueryRunner, ...args: unknown[]) {
    const scope = scopes.getStore();
    if (!scope?.onWrite || typeof args[0] !== 'string' || !writtenTable(args[0])) return query.apply(this, args);
    if (this.isTransactionActive) {
      let runners = reported.get(scope);
      if (!runners) reported.set(scope, (runners = new WeakSet()));
      if (!runners.has(this)) {
        runners.add(this);
        await scope.onWrite(this);
      }
      return query.apply(this, args);
    }
    const result = await query.apply(this, args);
    await scope.onWrite(undefined);
    return result;
  };
  // A transaction that ends may be followed by another on the same runner: report that one too.
  const forget = function (this: QueryRunner) {
    const scope = scopes.getStore();
    if (scope) reported.get(scope)?.delete(this);
  };
  prototype.rollbackTransaction = async function (this: QueryRunner) {
    forget.call(this);
    return rollbackTransaction.call(this);
  };
  prototype.commitTransaction = async function (this: QueryRunner) {
    forget.call(this);
    return commitTransaction.call(this);
  };
}
