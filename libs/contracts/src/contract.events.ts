export const CONTRACT_ACTIVATED = 'contract.activated';
export const CONTRACT_ENDED = 'contract.ended';

/** Payload of `contract.activated` (shared event contract: field names are fixed). */
export interface ContractActivatedEvent {
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

/** Payload of `contract.ended`. */
export interface ContractEndedEvent {
  contractId: string;
  seekerId: string;
  endDate: string;
}
