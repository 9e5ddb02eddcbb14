import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One fixed window of a rate limit. UNLOGGED: losing counters in a crash is harmless. */
@Entity('rate_limit_bucket')
@Index(['expiresAt'])
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
