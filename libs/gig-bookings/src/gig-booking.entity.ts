import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { NUMERIC } from '@jobcode/job-sources';
import { JobShift } from '@jobcode/jobs';

import { GigBookingStatus, GigParty } from './gig-booking.enums';

/**
 * A seeker's place on a gig shift. The shift's times are copied (a shift cannot change
 * once booked) so that overlap and cutoff checks are one indexed query.
 */
@Entity('gig_booking')
@Index('gig_booking_active_unique', ['shiftId', 'seekerId'], { unique: true, where: `"status" <> 'CANCELLED'` })
@Index(['seekerId', 'startsAt'])
@Index(['stationId', 'shiftDate'])
@Index(['employerId', 'status'])
/** Created by the migration with varchar_pattern_ops: staff see bookings by region-code prefix. */
@Index('gig_booking_region_prefix', { synchronize: false })
@Check('gig_booking_time_check', `"ends_at" > "starts_at"`)
@Check('gig_booking_pay_check', `"pay" IS NULL OR "pay" >= 0`)
export class GigBooking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => JobShift, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shift_id' })
  shift?: JobShift;

  @Column({ type: 'uuid' })
  shiftId: string;

  @Column({ type: 'uuid' })
  jobId: string;

  @Column({ type: 'uuid' })
  seekerId: string;

  /** Null for gigs posted by the bureau itself. */
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  /** The workplace (the job's region), for staff scope and placements. */
  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  /** The meeting station where check-in happens. */
  @Column({ type: 'uuid', nullable: true })
  stationId: string | null;

  @Column({ type: 'date' })
  shiftDate: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 12 })
  status: GigBookingStatus;

  @Column({ type: 'uuid' })
  bookedBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC })
  hoursWorked: number | null;

  @Column({ type: 'integer', nullable: true })
  piecesDone: number | null;

  /** Yuan due, set by the employer at completion. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: NUMERIC })
  pay: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: NUMERIC })
  employerPaidAmount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  employerPaidAt: Date | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: NUMERIC })
  seekerPaidAmount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  seekerPaidAt: Date | null;

  /** Both sides confirmed payment with different amounts: staff look into it. */
  @Column({ type: 'boolean', default: false })
  paymentDisputed: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  cancelledBy: GigParty | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
