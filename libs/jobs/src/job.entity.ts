import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Employer } from '@jobcode/employers';
import { GigStation, JobFair, NUMERIC, Workshop } from '@jobcode/job-sources';

import { JobKind, JobStatus, WageUnit } from './job.enums';

/** A job advert. Coordinates are GCJ-02; wages are whole yuan. */
@Entity('job')
@Index(['status', 'validTo'])
@Index(['employerId', 'createdAt'])
@Index(['stationId', 'createdAt'])
@Index(['workshopId', 'createdAt'])
@Index(['fairId', 'createdAt'])
@Index(['createdAt', 'id'])
@Index(['latitude', 'longitude'])
@Index('job_region_prefix', { synchronize: false })
@Check('job_kind_check', `"kind" IN ('FULL_TIME', 'PART_TIME', 'GIG', 'HOME_BASED', 'PUBLIC_WELFARE')`)
@Check('job_wage_unit_check', `"wage_unit" IN ('MONTH', 'DAY', 'HOUR', 'PIECE')`)
@Check('job_status_check', `"status" IN ('DRAFT', 'OPEN', 'PAUSED', 'FILLED', 'CLOSED', 'EXPIRED')`)
@Check('job_wage_check', `"wage_min" > 0 AND "wage_max" >= "wage_min"`)
@Check('job_headcount_check', `"headcount" > 0`)
@Check('job_dates_check', `"valid_to" >= "valid_from"`)
@Check('job_one_source_check', `num_nonnulls("station_id", "workshop_id", "fair_id") <= 1`)
@Check('job_employer_check', `"employer_id" IS NOT NULL OR "kind" = 'PUBLIC_WELFARE'`)
export class Job {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null only for public-welfare posts the bureau itself offers. */
  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 60 })
  occupation: string;

  /** GB/T 6565 occupation code, e.g. 6-05-01-01. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  occupationCode: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  kind: JobKind;

  @Column({ type: 'integer' })
  wageMin: number;

  @Column({ type: 'integer' })
  wageMax: number;

  @Column({ type: 'varchar', length: 10 })
  wageUnit: WageUnit;

  /** Normalised monthly equivalents (DAY × 22, HOUR × 176); null for piece rates. */
  @Column({ type: 'integer', nullable: true })
  monthlyWageMin: number | null;

  @Column({ type: 'integer', nullable: true })
  monthlyWageMax: number | null;

  @Column({ type: 'integer' })
  headcount: number;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  latitude: number;

  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  longitude: number;

  @Column({ type: 'varchar', length: 100 })
  workingHours: string;

  @Column({ type: 'boolean', default: false })
  providesBoard: boolean;

  @Column({ type: 'boolean', default: false })
  providesLodging: boolean;

  @Column({ type: 'boolean', default: false })
  providesTransport: boolean;

  @Column({ type: 'boolean', default: false })
  socialInsurance: boolean;

  @Column({ type: 'text', default: '' })
  requirements: string;

  @Column({ type: 'varchar', length: 50, default: '' })
  contractTerm: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validTo: string;

  @Column({ type: 'varchar', length: 10, default: JobStatus.DRAFT })
  status: JobStatus;

  @ManyToOne(() => GigStation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: GigStation;

  @Column({ type: 'uuid', nullable: true })
  stationId: string | null;

  @ManyToOne(() => Workshop, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'uuid', nullable: true })
  workshopId: string | null;

  @ManyToOne(() => JobFair, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fair_id' })
  fair?: JobFair;

  @Column({ type: 'uuid', nullable: true })
  fairId: string | null;

  /** Things staff should look at (e.g. an age limit), from the advert screening. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  flags: string[];

  @Column({ type: 'uuid' })
  postedBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** FILLED because its hires reached the headcount (not marked by hand): it reopens when a hire is undone. */
  @Column({ type: 'boolean', default: false })
  filledByHires: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
