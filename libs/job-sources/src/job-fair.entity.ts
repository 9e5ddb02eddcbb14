import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { NUMERIC } from './coordinates';
import { JobCaravan } from './job-caravan.entity';

export enum JobFairKind {
  ORDINARY = 'ORDINARY',
  SPRING_CAMPAIGN = 'SPRING_CAMPAIGN',
  CARAVAN = 'CARAVAN',
}

/** 招聘会: a dated event at a venue where employers take booths. */
@Entity('job_fair')
@Index(['caravanId'])
@Index(['startsAt'])
@Index('job_fair_region_prefix', { synchronize: false })
@Check('job_fair_kind_check', `"kind" IN ('ORDINARY', 'SPRING_CAMPAIGN', 'CARAVAN')`)
@Check('job_fair_caravan_check', `("kind" = 'CARAVAN') = ("caravan_id" IS NOT NULL)`)
@Check('job_fair_time_check', `"ends_at" > "starts_at"`)
export class JobFair {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: JobFairKind;

  @ManyToOne(() => JobCaravan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caravan_id' })
  caravan?: JobCaravan;

  @Column({ type: 'uuid', nullable: true })
  caravanId: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 200 })
  venue: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: NUMERIC })
  latitude: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: NUMERIC })
  longitude: number | null;

  @Column({ type: 'varchar', length: 100 })
  organiser: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
