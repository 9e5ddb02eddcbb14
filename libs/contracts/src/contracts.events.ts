import { isCalendarDate, regionLevelOf } from '@jobcode/common';

/**
 * The events contracts publish through the outbox. This file is their one definition: the
 * publisher (`ContractsService`) and every subscriber (placements) import it, so a field
 * cannot be renamed on one side only. Field names are fixed once events are stored.
 */

/** A contract became ACTIVE (sealed by both parties). */
export const CONTRACT_ACTIVATED = 'contract.activated';
/** An ACTIVE contract ended. */
export const CONTRACT_ENDED = 'contract.ended';

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

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Payloads that break the contract are refused up front by a subscriber: retrying would never
 * fix them, so it logs and skips them instead of failing until the delivery is dead.
 */
export function isContractActivated(p: Partial<ContractActivatedPayload>): p is ContractActivatedPayload {
  return (
    text(p.contractId) &&
    text(p.jobId) &&
    text(p.seekerId) &&
    isCalendarDate(p.startDate) &&
    (p.endDate === null || isCalendarDate(p.endDate)) &&
    (p.monthlyWage === null || typeof p.monthlyWage === 'number') &&
    text(p.workplaceRegionCode) &&
    regionLevelOf(p.workplaceRegionCode) !== undefined
  );
}

export function isContractEnded(p: Partial<ContractEndedPayload>): p is ContractEndedPayload {
  return text(p.contractId) && isCalendarDate(p.endDate);
}
