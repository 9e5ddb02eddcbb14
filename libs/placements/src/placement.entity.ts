import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { JobSeeker } from '@jobcode/seekers';

import { Destination, PlacementSource } from './placement.enums';

/**
 * 务工: one spell of work of one person. `originKey` makes automatic placements idempotent
 * (`contract:<id>`, `gig:<bookingId>`): a retried event never writes a second row.
 * `homeRegionCode` is the person's home village when the placement was recorded, kept on the
 * row so that region-scoped statistics read one table.
 */
@Entity('placement')
@Index('placement_home_region_prefix', { synchronize: false })
@Index(['jobSeekerId', 'startDate'])
@Index(['employerId', 'startDate'])
@Index(['startDate'])
@Index(['originKey'], { unique: true, where: '"origin_key" IS NOT NULL' })
@Check('placement_source_check', `"source" IN ('CONTRACT', 'GIG', 'PUBLIC_WELFARE', 'WORKSHOP', 'SELF_FOUND', 'TRANSFERRED_OUT')`)
@Check('placement_destination_check', `"destination" IN ('IN_COUNTY', 'IN_PROVINCE', 'OUT_OF_PROVINCE')`)
@Check('placement_dates_check', `"end_date" IS NULL OR "end_date" >= "start_date"`)
@Check('placement_income_check', `"monthly_income" IS NULL OR "monthly_income" >= 0`)
@Check('placement_workplace_check', `"workplace_region_code" ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'`)
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => JobSeeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_seeker_id' })
  jobSeeker?: JobSeeker;

  @Column({ type: 'uuid' })
  jobSeekerId: string;

  /** The person's home village (12 digits) at the time of recording. */
  @Column({ type: 'varchar', length: 12 })
  homeRegionCode: string;

  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;

  /** The employment-assistance workshop worked in (from the job, or entered by staff). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  workshopId: string | null;

  /** Employer or workplace as staff wrote it, e.g. 东莞市某电子厂 (for work found elsewhere). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  workplaceName: string | null;

  /** Division code of the workplace: province (2) to village (12) digits. */
  @Column({ type: 'varchar', length: 12 })
  workplaceRegionCode: string;

  @Column({ type: 'varchar', length: 16 })
  destination: Destination;

  @Column({ type: 'varchar', length: 16 })
  source: PlacementSource;

  @Column({ type: 'date' })
  startDate: string;

  /** Last day worked; null while the work goes on. */
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** Yuan per month; null when unknown (gig days carry their pay elsewhere). */
  @Column({ type: 'integer', nullable: true })
  monthlyIncome: number | null;

  /** `contract:<contractId>` or `gig:<bookingId>` for automatic placements; null for staff entries. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  originKey: string | null;

  /** The staff account that entered it; null for automatic placements. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
