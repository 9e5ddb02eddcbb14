import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event, written in the same transaction as the change it reports.
 * Immutable once written; its deliveries (one per subscribed handler) track the work.
 */
@Entity('outbox_event')
@Index('outbox_event_idempotency_key', ['idempotencyKey'], { unique: true, where: '"idempotency_key" IS NOT NULL' })
@Index(['createdAt'])
export class OutboxEventRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What happened, dotted: `contract.activated`, `notification.requested`. */
  @Column({ type: 'varchar', length: 100 })
  type: string;

  /** The id of the thing it happened to. */
  @Column({ type: 'varchar', length: 100 })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** When set, a second publish with the same key is a no-op. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
