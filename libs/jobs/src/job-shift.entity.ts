import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { GigStation, NUMERIC } from '@jobcode/job-sources';

import { Job } from './job.entity';
import { JobShiftStatus } from './job.enums';

/**
 * One dated shift of a gig job: how many people, when, for what pay, where to meet.
 * `booked_count` is kept by the bookings (one UPDATE … WHERE booked_count < slots per
 * booking, decremented on cancellation); the CHECK makes overbooking impossible.
 */
@Entity('job_shift')
@Index(['jobId', 'date', 'startTime'], { unique: true })
@Index(['meetingStationId', 'date'])
@Check('job_shift_time_check', `"end_time" > "start_time"`)
@Check('job_shift_slots_check', `"slots" > 0`)
@Check(
  'job_shift_pay_check',
  `("day_pay" IS NULL OR "day_pay" > 0) AND ("piece_rate" IS NULL OR "piece_rate" > 0) AND ("day_pay" IS NOT NULL OR "piece_rate" IS NOT NULL)`,
)
@Check('job_shift_booked_count_check', `"booked_count" >= 0 AND "booked_count" <= "slots"`)
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

  /** Seats taken by bookings that are not cancelled. */
  @Column({ type: 'integer', default: 0 })
  bookedCount: number;

  /** Yuan for the shift (日结); null when paid by the piece. */
  @Column({ type: 'integer', nullable: true })
  dayPay: number | null;

  /** Yuan per piece (计件), e.g. 0.50 a jin; null when paid by the day. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: NUMERIC })
  pieceRate: number | null;

  /** Where workers gather, usually a gig station (check-in scans there). */
  @ManyToOne(() => GigStation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_station_id' })
  meetingStation?: GigStation;

  @Column({ type: 'uuid', nullable: true })
  meetingStationId: string | null;

  /** Free text: 瓜里乡金江村村委门口. */
  @Column({ type: 'varchar', length: 200, default: '' })
  meetingPoint: string;

  /** 即时快招: bookings are confirmed at once, without the employer confirming each. */
  @Column({ type: 'boolean', default: false })
  instantHiring: boolean;

  @Column({ type: 'varchar', length: 10, default: JobShiftStatus.OPEN })
  status: JobShiftStatus;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
