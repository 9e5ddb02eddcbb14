import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { JobSeeker } from './job-seeker.entity';
import { SupportGroup } from './support-group.entity';

/** A seeker belongs to any number of support groups. */
@Entity('job_seeker_support_group')
@Index(['supportGroupCode'])
export class JobSeekerSupportGroup {
  @PrimaryColumn({ type: 'uuid' })
  jobSeekerId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  supportGroupCode: string;

  @ManyToOne(() => JobSeeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_seeker_id' })
  jobSeeker?: JobSeeker;

  @ManyToOne(() => SupportGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'support_group_code' })
  supportGroup?: SupportGroup;
}
