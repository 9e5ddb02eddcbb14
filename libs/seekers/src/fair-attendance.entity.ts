import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job seeker came to a job fair: recorded when staff or an employer with a booth scan
 * the seeker's personal code at the fair. Once per seeker and fair (fair statistics count
 * attendance from here).
 */
@Entity('fair_attendance')
@Index(['fairId', 'seekerId'], { unique: true })
@Index(['seekerId'])
export class FairAttendance {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  fairId: string;

  @Column({ type: 'uuid' })
  seekerId: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
