import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GigBooking } from './gig-booking.entity';
import { GigParty } from './gig-booking.enums';

/**
 * One side's rating of the other after a completed gig. Stored at once, shown only when
 * both sides rated or seven days after completion (evaluated when read).
 */
@Entity('gig_rating')
@Index(['bookingId', 'byParty'], { unique: true })
@Check('gig_rating_score_check', `"score" BETWEEN 1 AND 5`)
@Check('gig_rating_party_check', `"by_party" IN ('SEEKER', 'EMPLOYER')`)
export class GigRating {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => GigBooking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id' })
  booking?: GigBooking;

  @Column({ type: 'uuid' })
  bookingId: string;

  /** SEEKER rates the employer; EMPLOYER rates the seeker. */
  @Column({ type: 'varchar', length: 10 })
  byParty: GigParty;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  comment: string;

  @Column({ type: 'uuid' })
  ratedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
