import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { EducationLevel, EmploymentStatus, LaborCapacity, RegistrationChannel, WantedWageUnit } from './job-seeker.enums';

/**
 * 求职登记: one row per person, keyed by the HMAC of their ID number. The ID number and
 * the phone are stored only encrypted (AES-256-GCM) plus a keyed hash for look-up.
 */
@Entity('job_seeker')
/** Created by the migration with varchar_pattern_ops for region-prefix filters. */
@Index('job_seeker_region_prefix', { synchronize: false })
// GIN over the arrays that matching overlaps with a job's terms (libs/matching, migration MatchingSeekerArrays).
@Index('job_seeker_wanted_occupations', { synchronize: false })
@Index('job_seeker_skills', { synchronize: false })
// GIN over the candidate keys recommendedSeekers looks up (migration SeekerMatchKeys).
@Index('job_seeker_match_keys', { synchronize: false })
@Index(['createdAt', 'id'])
@Check('job_seeker_labor_capacity', `"labor_capacity" IN ('FULL', 'WEAK', 'NONE')`)
@Check('job_seeker_employment_status', `"employment_status" IN ('UNKNOWN', 'EMPLOYED', 'UNEMPLOYED')`)
@Check('job_seeker_channel', `"channel" IN ('SELF', 'DESK', 'IMPORT')`)
@Check('job_seeker_sex', `"sex" IN ('MALE', 'FEMALE')`)
@Check('job_seeker_village', `"region_code" ~ '^[0-9]{12}$'`)
@Check('job_seeker_wanted_wage', `("wanted_wage" IS NULL) = ("wanted_wage_unit" IS NULL) AND ("wanted_wage" IS NULL OR "wanted_wage" > 0)`)
export class JobSeeker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The SEEKER account that owns this profile (self-registered or claimed); one profile per account. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** HMAC-SHA256 of the ID number: one person is registered once. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  idNumberHash: string;

  @Column({ type: 'text' })
  idNumberEncrypted: string;

  /** Derived from the ID number, never typed. */
  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: 'MALE' | 'FEMALE';

  @Index()
  @Column({ type: 'char', length: 64 })
  phoneHash: string;

  @Column({ type: 'text' })
  phoneEncrypted: string;

  /** Home village (12-digit division code). */
  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 4 })
  laborCapacity: LaborCapacity;

  @Column({ type: 'varchar', length: 24, nullable: true })
  education: EducationLevel | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  wantedOccupations: string[];

  /** Yuan per `wantedWageUnit`. */
  @Column({ type: 'integer', nullable: true })
  wantedWage: number | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  wantedWageUnit: WantedWageUnit | null;

  @Column({ type: 'boolean', default: false })
  willingOutsideCounty: boolean;

  @Column({ type: 'boolean', default: false })
  willingOutsideProvince: boolean;

  /** Must stay near home, e.g. caring for children or elders. */
  @Column({ type: 'boolean', default: false })
  mustStayNearHome: boolean;

  @Column({ type: 'date', nullable: true })
  availableFrom: string | null;

  /** 点单式培训: the trainings the person asks for. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  trainingWanted: string[];

  @Column({ type: 'boolean', default: false })
  consentToRecommend: boolean;

  @Column({ type: 'varchar', length: 10, default: EmploymentStatus.UNKNOWN })
  employmentStatus: EmploymentStatus;

  @Column({ type: 'varchar', length: 6 })
  channel: RegistrationChannel;

  /** The account that registered the person (themself, a staff member, an importer). */
  @Column({ type: 'uuid', nullable: true })
  registeredBy: string | null;

  /**
   * Set when the person asked for deletion (libs/privacy): what the law makes us keep is only
   * stored and protected from then on — no listings, recommendations or edits.
   */
  @Column({ type: 'timestamptz', nullable: true })
  processingRestrictedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Hashed candidate keys for recommendedSeekers, written only by the trigger job_seeker_match_keys (see its migration). */
  @Column({ type: 'integer', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  matchKeys?: number[];
}
