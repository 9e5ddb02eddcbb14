import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every API process on the database.
 * One upsert per hit; expired windows restart at 1 and are swept every minute.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** `manager`: count inside that transaction (it commits or rolls back with it). */
  async hit(key: string, limit: number, windowSeconds: number, manager?: EntityManager): Promise<RateLimitResult> {
    const rows: { hits: number; retry_after: string }[] = await (manager ?? this.dataSource).query(
      `INSERT INTO rate_limit_bucket AS b (key, hits, expires_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
         expires_at = CASE WHEN b.expires_at <= now() THEN excluded.expires_at ELSE b.expires_at END
       RETURNING hits, ceil(extract(epoch FROM expires_at - now())) AS retry_after`,
      [key, windowSeconds],
    );
    const { hits, retry_after } = rows[0];
    return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Number(retry_after)) };
  }

  /** The hits counted under a key in its current window, without counting one more. */
  async peek(key: string, manager?: EntityManager): Promise<RateLimitResult> {
    const rows: { hits: number; retry_after: string }[] = await (manager ?? this.dataSource).query(
      `SELECT hits, ceil(extract(epoch FROM expires_at - now())) AS retry_after FROM rate_limit_bucket WHERE key = $1 AND expires_at > now()`,
      [key],
    );
    const row = rows[0];
    return { allowed: true, hits: row?.hits ?? 0, retryAfterSeconds: Math.max(1, Number(row?.retry_after ?? 1)) };
  }

  /** Forgets a key's count (a success that ends a run of failures). */
  async clear(key: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query('DELETE FROM rate_limit_bucket WHERE key = $1', [key]);
  }

  /** Forgets every bucket whose key starts with `prefix` (an admin's reset lifts a lock-out at once). */
  async clearStartingWith(prefix: string, manager?: EntityManager): Promise<void> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    await (manager ?? this.dataSource).query('DELETE FROM rate_limit_bucket WHERE key LIKE $1', [pattern]);
  }

  async sweep(): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_bucket WHERE expires_at < now()');
  }
}
