import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DeletionOutcome {
  /** Nothing the law requires us to keep: the person's data was erased (anonymised) and the account closed. */
  DELETED = 'DELETED',
  /** Some records must be kept (contracts, placements): those are only stored and protected, no longer processed; the rest erased. */
  RESTRICTED = 'RESTRICTED',
}

/** A person's request to delete their data (PIPL art. 47) and the answer given, one per account. */
@Entity('data_deletion_request')
@Check('data_deletion_request_outcome', `"outcome" IN ('DELETED', 'RESTRICTED')`)
export class DataDeletionRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  accountId: string;

  @Column({ type: 'uuid', nullable: true })
  jobSeekerId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  outcome: DeletionOutcome;

  /** What was kept and why, in the words shown to the person. */
  @Column({ type: 'text', array: true, default: '{}' })
  retained: string[];

  /** Until when the kept records are stored (null: until two years after a contract still running ends). */
  @Column({ type: 'date', nullable: true })
  retainedUntil: string | null;

  @Column({ type: 'text' })
  answer: string;

  @Column({ type: 'timestamptz' })
  answeredAt: Date;

  /**
   * When everything was erased: the answer's time for DELETED; for RESTRICTED, when the
   * deletion sweep erased the kept records after `retainedUntil`. Null while records are kept.
   */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** What the sweep erased, in the words texted to the person. */
  @Column({ type: 'text', array: true, default: '{}' })
  erased: string[];
}
