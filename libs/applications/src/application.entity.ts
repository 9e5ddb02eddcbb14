import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { ApplicationStatus } from './application.enums';

/** 报名: one seeker × one job. At most one active (not rejected or withdrawn) per seeker and job. */
@Entity('application')
@Index(['jobId', 'createdAt'])
@Index(['jobSeekerId', 'createdAt'])
/** Partial unique index, created by the migration: one active application per seeker and job. */
@Index('application_one_active', { synchronize: false })
@Check('application_status_check', `"status" IN ('APPLIED', 'SHORTLISTED', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')`)
@Check('application_reason_check', `"status" <> 'REJECTED' OR "rejection_reason" IS NOT NULL`)
@Check('application_consent_check', `"applied_by_staff" = false OR "consent_note" IS NOT NULL`)
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  jobId: string;

  /** Denormalised from the job so that employer checks and lists need no join; null for public-welfare posts. */
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  /** The job's region, for staff scope. */
  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'uuid' })
  jobSeekerId: string;

  @Column({ type: 'varchar', length: 12, default: ApplicationStatus.APPLIED })
  status: ApplicationStatus;

  /** What the seeker wrote to the employer (optional). */
  @Column({ type: 'varchar', length: 500, default: '' })
  message: string;

  /** True when staff applied at the desk for the seeker. */
  @Column({ type: 'boolean', default: false })
  appliedByStaff: boolean;

  /** How the seeker's consent was obtained when staff applied for them (e.g. 本人到场口头同意). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  consentNote: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
