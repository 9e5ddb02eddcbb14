import { isCalendarDate } from '@jobcode/common';

/** Payloads of the shared event contract (published by the contracts and gigs libraries). */
export interface ContractActivatedPayload {
  contractId: string;
  applicationId: string;
  jobId: string;
  seekerId: string;
  employerId: string;
  startDate: string;
  endDate: string | null;
  wage: number;
  wageUnit: 'MONTH' | 'DAY' | 'HOUR' | 'PIECE';
  monthlyWage: number | null;
  termKind: 'FIXED' | 'OPEN_ENDED' | 'PER_TASK';
  workplaceRegionCode: string;
}

export interface ContractEndedPayload {
  contractId: string;
  seekerId: string;
  endDate: string;
}

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

export const CONTRACT_ACTIVATED = 'contract.activated';
export const CONTRACT_ENDED = 'contract.ended';
export const GIG_BOOKING_COMPLETED = 'gig.booking.completed';

const REGION = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Payloads that break the shared contract are refused up front: retrying would never fix them,
 * so the handler logs and skips them instead of failing until the delivery is dead.
 */
export function isContractActivated(p: Partial<ContractActivatedPayload>): p is ContractActivatedPayload {
  return (
    str(p.contractId) &&
    str(p.jobId) &&
    str(p.seekerId) &&
    str(p.startDate) &&
    isCalendarDate(p.startDate) &&
    (p.endDate === null || (str(p.endDate) && isCalendarDate(p.endDate))) &&
    (p.monthlyWage === null || typeof p.monthlyWage === 'number') &&
    str(p.workplaceRegionCode) &&
    REGION.test(p.workplaceRegionCode)
  );
}

export function isContractEnded(p: Partial<ContractEndedPayload>): p is ContractEndedPayload {
  return str(p.contractId) && str(p.endDate) && isCalendarDate(p.endDate);
}

export function isGigBookingCompleted(p: Partial<GigBookingCompletedPayload>): p is GigBookingCompletedPayload {
  return (
    str(p.bookingId) && str(p.seekerId) && str(p.shiftDate) && isCalendarDate(p.shiftDate) && str(p.workplaceRegionCode) && REGION.test(p.workplaceRegionCode)
  );
}
