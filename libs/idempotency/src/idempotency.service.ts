import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import stringify from 'safe-stable-stringify';
import { DataSource, type QueryRunner } from 'typeorm';

import { PersonalDataCipher } from '@jobcode/personal-data';

import { IdempotencyKeyStatus } from './idempotency-key.entity';

/** How long a key is remembered (Stripe keeps keys 24 hours). */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** How long a claim holds without being renewed; the process running the request renews it every third of that. */
export const IDEMPOTENCY_LEASE_SECONDS = 30;

export interface IdempotentRequest {
  accountId: string;
  key: string;
  operationName: string | null;
  query: string;
  variables: Record<string, unknown> | undefined;
}

export type ClaimResult =
  /** The key is new (or expired): this request runs and its answer is recorded. */
  | { kind: 'claimed' }
  /** The same request was answered before: replay that answer. */
  | { kind: 'replay'; response: unknown }
  /** The key was used with a different request. */
  | { kind: 'mismatch' }
  /** The first request with this key has not finished (or its process died before recording the answer). */
  | { kind: 'in-progress'; sinceSeconds: number; abandoned: boolean };

/**
 * Idempotency keys for mutations with Stripe's semantics: the same key replays the first
 * answer, the same key with a different request is refused. The claim is one upsert on a
 * primary key, so two API processes racing on one key see one winner.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch((error: Error) => this.logger.warn(`Sweep failed: ${error.message}`)), 3_600_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * A keyed hash (HMAC) of the request: variables may hold passwords, so a plain hash of a
   * known query would be open to a dictionary. Variables are serialised with sorted keys, so a
   * client that re-serialises a retry still matches.
   */
  requestHash(request: Pick<IdempotentRequest, 'operationName' | 'query' | 'variables'>): string {
    return this.cipher.hash(stringify([request.query, request.operationName ?? null, request.variables ?? {}]) ?? '', 'idempotency-request');
  }

  async claim(request: IdempotentRequest): Promise<ClaimResult> {
    const hash = this.requestHash(request);
    // A new key, an expired one, or one abandoned by a process that died before its work committed
    // (lease run out, nothing written): this request runs.
    const claimed = (await this.dataSource.query(
      `INSERT INTO idempotency_key AS k (account_id, key, request_hash, operation_name, status, created_at, lease_expires_at)
       VALUES ($1, $2, $3, $4, 'IN_PROGRESS', now(), now() + make_interval(secs => $6))
       ON CONFLICT (account_id, key) DO UPDATE
         SET request_hash = excluded.request_hash, operation_name = excluded.operation_name, status = 'IN_PROGRESS',
             response = NULL, created_at = now(), completed_at = NULL, lease_expires_at = excluded.lease_expires_at, work_committed = false
         WHERE k.created_at < now() - make_interval(hours => $5)
            OR (k.status = 'IN_PROGRESS' AND k.lease_expires_at < now() AND NOT k.work_committed AND k.request_hash = excluded.request_hash)
       RETURNING 1`,
      [request.accountId, request.key, hash, request.operationName?.slice(0, 200) ?? null, IDEMPOTENCY_KEY_TTL_HOURS, IDEMPOTENCY_LEASE_SECONDS],
    )) as unknown[];
    if (claimed.length > 0) return { kind: 'claimed' };

    const [row] = (await this.dataSource.query(
      `SELECT request_hash, status, response, extract(epoch FROM now() - created_at)::int AS since,
              coalesce(lease_expires_at < now(), true) AS lapsed
         FROM idempotency_key WHERE account_id = $1 AND key = $2`,
      [request.accountId, request.key],
    )) as { request_hash: string; status: IdempotencyKeyStatus; response: string | null; since: number; lapsed: boolean }[];
    // Released between our insert and this read: the caller may simply retry.
    if (!row) return { kind: 'in-progress', sinceSeconds: 0, abandoned: false };
    if (row.request_hash !== hash) return { kind: 'mismatch' };
    if (row.status === IdempotencyKeyStatus.IN_PROGRESS || row.response === null) {
      return { kind: 'in-progress', sinceSeconds: row.since, abandoned: row.lapsed };
    }
    return { kind: 'replay', response: JSON.parse(this.cipher.decrypt(row.response)) as unknown };
  }

  /** Keeps a claim alive while its request runs. */
  async renewLease(accountId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET lease_expires_at = now() + make_interval(secs => $3) WHERE account_id = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
      [accountId, key, IDEMPOTENCY_LEASE_SECONDS],
    );
  }

  /**
   * Records that the claimed request's work committed: inside its writing transaction (`runner`),
   * so the mark exists exactly when the work does, or after a write outside any transaction.
   */
  async markWorkCommitted(accountId: string, key: string, runner?: QueryRunner): Promise<void> {
    await (runner ?? this.dataSource).query(`UPDATE idempotency_key SET work_committed = true WHERE account_id = $1 AND key = $2 AND NOT work_committed`, [
      accountId,
      key,
    ]);
  }

  /** Records the answer sent for a claimed key. */
  async complete(accountId: string, key: string, response: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE idempotency_key SET status = 'DONE', response = $3, completed_at = now() WHERE account_id = $1 AND key = $2`, [
      accountId,
      key,
      this.cipher.encrypt(JSON.stringify(response)),
    ]);
  }

  /** Forgets a claimed key whose request changed nothing (refused or failed), so a retry runs again. */
  async release(accountId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE account_id = $1 AND key = $2 AND status = 'IN_PROGRESS'`, [accountId, key]);
  }

  async sweep(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [
      IDEMPOTENCY_KEY_TTL_HOURS,
    ])) as [unknown, number];
    return count;
  }
}
