import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { JobSeeker } from './job-seeker.entity';
import { SupportGroup } from './support-group.entity';

/**
 * A support group a seeker declared for themself, waiting for staff to confirm it. Only
 * confirmed groups (job_seeker_support_group) count: in figures, subsidies, public-welfare
 * eligibility, matching and follow-ups. Staff confirming one moves it there.
 */
@Entity('job_seeker_declared_group')
@Index(['supportGroupCode'])
export class JobSeekerDeclaredGroup {
  @PrimaryColumn({ type: 'uuid' })
  jobSeekerId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  supportGroupCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt: Date;

  @ManyToOne(() => JobSeeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_seeker_id' })
  jobSeeker?: JobSeeker;

  @ManyToOne(() => SupportGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'support_group_code' })
  supportGroup?: SupportGroup;
}
