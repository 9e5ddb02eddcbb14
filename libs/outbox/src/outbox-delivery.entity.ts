import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { OutboxEventRecord } from './outbox-event.entity';

export enum DeliveryStatus {
  /** Waiting for its turn (`availableAt`), or claimed by a dispatcher until `availableAt` (the lease). */
  PENDING = 'PENDING',
  DONE = 'DONE',
  /** Gave up after the maximum number of attempts; `lastError` says why. */
  DEAD = 'DEAD',
}

/**
 * One event handed to one handler: the unit of work, retry and lease.
 * A dispatcher claims it by pushing `availableAt` forward (the lease) and bumping
 * `attempts` (the fencing token): only the holder of the latest attempt may complete it.
 */
@Entity('outbox_delivery')
@Unique('outbox_delivery_event_handler', ['eventId', 'handler'])
@Check('outbox_delivery_status', `"status" IN ('PENDING', 'DONE', 'DEAD')`)
@Index('outbox_delivery_open', ['status', 'availableAt'], { where: `"status" <> 'DONE'` })
export class OutboxDelivery {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @ManyToOne(() => OutboxEventRecord, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'event_id' })
  event?: OutboxEventRecord;

  @Column({ type: 'uuid' })
  eventId: string;

  /** The subscribed handler's stable name, e.g. `notifications.deliver`. */
  @Column({ type: 'varchar', length: 100 })
  handler: string;

  @Column({ type: 'varchar', length: 10, default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Not before: the next retry, or the end of the current claim's lease. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  /** Which process holds (or last held) the claim. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
