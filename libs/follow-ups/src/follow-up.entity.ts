import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { JobSeeker } from '@jobcode/seekers';

export enum FollowUpWay {
  VISIT = 'VISIT',
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
}

/** 跟踪服务: one visit or call about a person (and, when known, one of their placements). */
@Entity('follow_up')
@Index(['jobSeekerId', 'visitedOn'])
@Index('follow_up_home_region_prefix', { synchronize: false })
@Check('follow_up_way_check', `"way" IN ('VISIT', 'PHONE', 'WECHAT')`)
@Check('follow_up_income_check', `"monthly_income" IS NULL OR "monthly_income" >= 0`)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => JobSeeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_seeker_id' })
  jobSeeker?: JobSeeker;

  @Column({ type: 'uuid' })
  jobSeekerId: string;

  /** The person's home village when visited, for region-scoped lists. */
  @Column({ type: 'varchar', length: 12 })
  homeRegionCode: string;

  @Column({ type: 'uuid', nullable: true })
  placementId: string | null;

  @Column({ type: 'date' })
  visitedOn: string;

  @Column({ type: 'varchar', length: 8 })
  way: FollowUpWay;

  /** Null when the visit did not establish it. */
  @Column({ type: 'boolean', nullable: true })
  stillEmployed: boolean | null;

  @Column({ type: 'integer', nullable: true })
  monthlyIncome: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  needs: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  nextStep: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
