import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, Role } from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { EmployerMember } from '@jobcode/employers';
import { RegionScope } from '@jobcode/regions';
import { JobSeeker, seekerNotFound } from '@jobcode/seekers';

import { RateGigBookingInput } from './dto/rate-gig-booking.input';
import { GigBookingAccess } from './gig-booking-access';
import { GigBooking } from './gig-booking.entity';
import { type EmployerGigReputationObject, type SeekerGigReliabilityObject } from './gig-booking.object';
import { GigBookingStatus, GigParty, STATUS_WORD } from './gig-booking.enums';
import { GigBookingsException, GigBookingsExceptionCode } from './gig-bookings.exception';
import { RATING_PUBLISH_DAYS } from './gig-bookings.settings';
import { GigRating } from './gig-rating.entity';

/**
 * SQL: is rating `r` of booking `b` public? Both sides rated, or the booking was completed
 * at least seven days ago (Sharetribe's rule: nobody answers a rating they have read).
 */
export const RATING_PUBLISHED_SQL = `((SELECT count(*) FROM gig_rating r2 WHERE r2.booking_id = r.booking_id) = 2
  OR b.completed_at <= now() - interval '${RATING_PUBLISH_DAYS} days')`;

/** Ratings after a completed gig, and what they add up to: an employer's reputation, a seeker's reliability. */
@Injectable()
export class GigRatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: GigBookingAccess,
    private readonly scope: RegionScope,
  ) {}

  async rate(actor: Actor, input: RateGigBookingInput): Promise<GigRating> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const booking = await manager.findOne(GigBooking, { where: { id: input.bookingId } });
        const party = await this.access.requireParty(actor, booking, manager);
        if (party === GigParty.STAFF)
          throw new GigBookingsException(GigBookingsExceptionCode.NOT_YOUR_BOOKING, '评价由求职者和用人单位双方互评，工作人员不能代评');
        const done = booking as GigBooking;
        if (done.status !== GigBookingStatus.COMPLETED && done.status !== GigBookingStatus.PAID) {
          throw new GigBookingsException(GigBookingsExceptionCode.INVALID_TRANSITION, `预约当前为"${STATUS_WORD[done.status]}"，完工后才能评价`);
        }
        return manager.save(
          manager.create(GigRating, { bookingId: done.id, byParty: party, score: input.score, comment: input.comment?.trim() ?? '', ratedBy: actor.accountId }),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new GigBookingsException(GigBookingsExceptionCode.ALREADY_RATED, '您已经评价过这次零工，评价提交后不能修改');
      throw error;
    }
  }

  /** The published ratings of each booking (both rated, or 7 days after completion). */
  async publishedFor(bookingIds: readonly string[]): Promise<Map<string, GigRating[]>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(GigRating, 'r')
      .innerJoin(GigBooking, 'b', 'b.id = r.booking_id')
      .where('r.booking_id = ANY(:ids)', { ids: [...bookingIds] })
      .andWhere(RATING_PUBLISHED_SQL)
      .orderBy('r.created_at', 'ASC')
      .getMany();
    const byBooking = new Map<string, GigRating[]>();
    for (const row of rows) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
    return byBooking;
  }

  /** Visible to every signed-in user: what seekers see before booking. */
  async employerReputation(employerId: string): Promise<EmployerGigReputationObject> {
    const [ratings] = (await this.dataSource.query(
      `SELECT round(avg(r.score)::numeric, 2)::float AS average, count(*)::int AS count
         FROM gig_rating r JOIN gig_booking b ON b.id = r.booking_id
        WHERE b.employer_id = $1 AND r.by_party = 'SEEKER' AND ${RATING_PUBLISHED_SQL}`,
      [employerId],
    )) as { average: number | null; count: number }[];
    const [stats] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('COMPLETED', 'PAID'))::int AS completed,
              count(*) FILTER (WHERE starts_at <= now() AND NOT (status = 'CANCELLED' AND cancelled_by = 'SEEKER'))::int AS due,
              count(*) FILTER (WHERE starts_at <= now() AND status = 'CANCELLED' AND cancelled_by IN ('EMPLOYER', 'STAFF'))::int AS dropped
         FROM gig_booking WHERE employer_id = $1`,
      [employerId],
    )) as { completed: number; due: number; dropped: number }[];
    return {
      employerId,
      averageScore: ratings.count > 0 ? ratings.average : null,
      ratingCount: ratings.count,
      completedGigs: stats.completed,
      noShowRate: stats.due > 0 ? round(stats.dropped / stats.due) : null,
    };
  }

  /** The seeker themself, staff whose region holds them, and employers who have booked them. */
  async seekerReliability(actor: Actor, seekerId: string): Promise<SeekerGigReliabilityObject> {
    const seeker = /^[0-9a-f-]{36}$/i.test(seekerId) ? await this.dataSource.manager.findOne(JobSeeker, { where: { id: seekerId } }) : null;
    if (!seeker || !(await this.maySeeReliability(actor, seeker))) throw seekerNotFound();
    const [ratings] = (await this.dataSource.query(
      `SELECT round(avg(r.score)::numeric, 2)::float AS average, count(*)::int AS count
         FROM gig_rating r JOIN gig_booking b ON b.id = r.booking_id
        WHERE b.seeker_id = $1 AND r.by_party = 'EMPLOYER' AND ${RATING_PUBLISHED_SQL}`,
      [seekerId],
    )) as { average: number | null; count: number }[];
    const [stats] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('CHECKED_IN', 'COMPLETED', 'PAID'))::int AS showed,
              count(*) FILTER (WHERE status IN ('COMPLETED', 'PAID'))::int AS completed,
              count(*) FILTER (WHERE status = 'NO_SHOW')::int AS no_shows
         FROM gig_booking WHERE seeker_id = $1`,
      [seekerId],
    )) as { showed: number; completed: number; no_shows: number }[];
    const base = stats.showed + stats.no_shows;
    return {
      seekerId,
      averageScore: ratings.count > 0 ? ratings.average : null,
      ratingCount: ratings.count,
      completedGigs: stats.completed,
      noShows: stats.no_shows,
      reliability: base > 0 ? round(stats.showed / base) : null,
    };
  }

  private async maySeeReliability(actor: Actor, seeker: JobSeeker): Promise<boolean> {
    if (actor.role === Role.SEEKER) return seeker.accountId === actor.accountId;
    if (actor.role === Role.STAFF || actor.role === Role.ADMIN) return this.scope.covers(actor, seeker.regionCode);
    if (actor.role !== Role.EMPLOYER) return false;
    const members = this.dataSource.getMetadata(EmployerMember).tableName;
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM gig_booking b JOIN ${members} m ON m.employer_id = b.employer_id WHERE b.seeker_id = $1 AND m.account_id = $2) AS booked`,
      [seeker.id, actor.accountId],
    )) as { booked: boolean }[];
    return row.booked;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
