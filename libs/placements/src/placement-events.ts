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
