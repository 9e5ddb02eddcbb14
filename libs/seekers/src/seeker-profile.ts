import type { EducationLevel, EmploymentStatus, LaborCapacity, WantedWageUnit } from './job-seeker.enums';

/**
 * What a registration says about the person's work besides who and where they are: capacity,
 * education, skills, wishes, availability, training wanted, consent to be recommended and
 * employment status. The same fields, in this order, on a validated registration, a ledger line,
 * the seeker row, staff's view of it and the person's own copy.
 */
export interface SeekerProfile {
  laborCapacity: LaborCapacity;
  education: EducationLevel | null;
  skills: string[];
  wantedOccupations: string[];
  wantedWage: number | null;
  wantedWageUnit: WantedWageUnit | null;
  willingOutsideCounty: boolean;
  willingOutsideProvince: boolean;
  mustStayNearHome: boolean;
  availableFrom: string | null;
  trainingWanted: string[];
  consentToRecommend: boolean;
  employmentStatus: EmploymentStatus;
}

/** The profile of a seeker (or of anything that has one), without its other fields. */
export function seekerProfile(from: SeekerProfile): SeekerProfile {
  return {
    laborCapacity: from.laborCapacity,
    education: from.education,
    skills: from.skills,
    wantedOccupations: from.wantedOccupations,
    wantedWage: from.wantedWage,
    wantedWageUnit: from.wantedWageUnit,
    willingOutsideCounty: from.willingOutsideCounty,
    willingOutsideProvince: from.willingOutsideProvince,
    mustStayNearHome: from.mustStayNearHome,
    availableFrom: from.availableFrom,
    trainingWanted: from.trainingWanted,
    consentToRecommend: from.consentToRecommend,
    employmentStatus: from.employmentStatus,
  };
}
