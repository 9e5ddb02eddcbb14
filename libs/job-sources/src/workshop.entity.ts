import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Employer } from '@jobcode/employers';

import { NUMERIC } from './coordinates';

export enum WorkshopStatus {
  PENDING = 'PENDING',
  CERTIFIED = 'CERTIFIED',
  REVOKED = 'REVOKED',
}

/** 就业帮扶车间: run by a verified employer in a village, certified by county staff. */
@Entity('workshop')
@Index(['employerId'])
@Index('workshop_region_prefix', { synchronize: false })
@Check('workshop_status_check', `"status" IN ('PENDING', 'CERTIFIED', 'REVOKED')`)
@Check('workshop_headcount_check', `"headcount" >= 0`)
@Check('workshop_certified_check', `"status" = 'PENDING' OR "certified_on" IS NOT NULL`)
@Check('workshop_revoked_check', `("status" = 'REVOKED') = ("revoked_on" IS NOT NULL)`)
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  latitude: number;

  @Column({ type: 'numeric', precision: 9, scale: 6, transformer: NUMERIC })
  longitude: number;

  /** People employed in the workshop now. */
  @Column({ type: 'integer' })
  headcount: number;

  @Column({ type: 'varchar', length: 10, default: WorkshopStatus.PENDING })
  status: WorkshopStatus;

  /** The date on the certificate (认定日期). */
  @Column({ type: 'date', nullable: true })
  certifiedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  certifiedBy: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  revocationReason: string | null;

  /** The date the certification was revoked (撤销认定日期); set while REVOKED. */
  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
