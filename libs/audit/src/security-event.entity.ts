import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only security log (Cybersecurity Law art. 23, kept ≥ 6 months):
 * sign-ins, failures, lock-outs, permission refusals. A database trigger refuses
 * UPDATE, and DELETE of anything younger than 180 days.
 */
@Entity('security_event')
@Index(['accountId', 'at'])
@Index(['kind', 'at'])
/** The security log lists both tables newest first, unfiltered: one merge of two index scans. */
@Index(['at'])
export class SecurityEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: SecurityEventKind;

  /** The account acting, when known. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  /** What it was about: an operation name, a record id. Never personal data in clear. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  subject: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

export enum SecurityEventKind {
  SIGN_UP = 'SIGN_UP',
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  SIGN_OUT = 'SIGN_OUT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  SECOND_FACTOR_ENABLED = 'SECOND_FACTOR_ENABLED',
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
  ACCOUNT_CREATED = 'ACCOUNT_CREATED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  ACCOUNT_ENABLED = 'ACCOUNT_ENABLED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  REGION_CHANGED = 'REGION_CHANGED',
  ACCESS_DENIED = 'ACCESS_DENIED',
  RATE_LIMITED = 'RATE_LIMITED',
}
