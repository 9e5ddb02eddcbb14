import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Job } from './job.entity';

/** One dated shift of a gig job: how many people, when, for what day pay. */
@Entity('job_shift')
@Index(['jobId', 'date', 'startTime'], { unique: true })
@Check('job_shift_time_check', `"end_time" > "start_time"`)
@Check('job_shift_slots_check', `"slots" > 0`)
@Check('job_shift_pay_check', `"day_pay" > 0`)
export class JobShift {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column({ type: 'uuid' })
  jobId: string;

  @Column({ type: 'date' })
  date: string;

  /** HH:MM:SS, county time. */
  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'time' })
  endTime: string;

  @Column({ type: 'integer' })
  slots: number;

  /** Yuan for the shift. */
  @Column({ type: 'integer' })
  dayPay: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
