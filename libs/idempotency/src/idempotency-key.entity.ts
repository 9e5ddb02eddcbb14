import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum IdempotencyKeyStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/**
 * One idempotency key an account sent with a mutation, for 24 hours: the hash of the request
 * it was first used with and, once answered, that answer (encrypted: it may hold personal data).
 */
@Entity('idempotency_key')
@Index(['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 of the operation text, name and variables. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  operationName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: IdempotencyKeyStatus;

  /** The GraphQL response body as first sent, encrypted with the personal-data key. */
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /**
   * While IN_PROGRESS: until when the process running the request holds the key (it renews the
   * lease while it works). A key whose lease ran out with no work committed was abandoned (the
   * process died): the same request may claim it again.
   */
  @Column({ type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /** Set inside the first transaction of the request's work that writes: the work committed. */
  @Column({ type: 'boolean', default: false })
  workCommitted: boolean;
}
