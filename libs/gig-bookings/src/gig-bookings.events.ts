import { isCalendarDate, regionLevelOf } from '@jobcode/common';

/**
 * The events gig bookings publish through the outbox. This file is their one definition: the
 * publisher (`GigBookingsService`) and every subscriber (placements) import it. Field names are
 * fixed once events are stored.
 */

/** A booking became COMPLETED (placements count it as a GIG placement). */
export const GIG_BOOKING_COMPLETED = 'gig.booking.completed';

export interface GigBookingCompletedPayload {
  bookingId: string;
  shiftId: string;
  jobId: string;
  seekerId: string;
  employerId: string | null;
  shiftDate: string;
  pay: number | null;
  workplaceRegionCode: string;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Refuses, up front, a payload that breaks the contract (see `isContractActivated`). */
export function isGigBookingCompleted(p: Partial<GigBookingCompletedPayload>): p is GigBookingCompletedPayload {
  return (
    text(p.bookingId) && text(p.seekerId) && isCalendarDate(p.shiftDate) && text(p.workplaceRegionCode) && regionLevelOf(p.workplaceRegionCode) !== undefined
  );
}
