import { Foundation1795355868157 } from './1795355868157-foundation';
import { Outbox1795356581646 } from './1795356581646-outbox';
import { JobSeekers1795356740120 } from './1795356740120-job-seekers';
import { EmployersJobSourcesJobs1795356880578 } from './1795356880578-employers-job-sources-jobs';
import { Notifications1795357059840 } from './1795357059840-notifications';
import { ServiceCodes1795357221062 } from './1795357221062-service-codes';
import { JobSearch1795357850999 } from './1795357850999-job-search';
import { FairAttendance1795359792269 } from './1795359792269-fair-attendance';
import { Placements1795359874651 } from './1795359874651-placements';
import { ApplicationsContracts1795359973867 } from './1795359973867-applications-contracts';
import { GigBookings1795360094939 } from './1795360094939-gig-bookings';
import { SearchRankTokens1795360130744 } from './1795360130744-search-rank-tokens';
import { MatchingSeekerArrays1795360500000 } from './1795360500000-matching-seeker-arrays';
import { SavedSearches1795361381580 } from './1795361381580-saved-searches';
import { ContractStatusGuard1795361600000 } from './1795361600000-contract-status-guard';
import { SearchFilterLexemes1795362000000 } from './1795362000000-search-filter-lexemes';
import { PlacementRollup1795362000000 } from './1795362000000-placement-rollup';
import { SeekerMatchKeys1795362100000 } from './1795362100000-seeker-match-keys';
import { IdempotencyKeys1795365825982 } from './1795365825982-idempotency-keys';
import { ScanTargetVersions1795365931031 } from './1795365931031-scan-target-versions';
import { SecondFactor1795366276068 } from './1795366276068-second-factor';
import { NotificationProviderStatus1795369236665 } from './1795369236665-notification-provider-status';
import { SearchRecencyGrid1795370000000 } from './1795370000000-search-recency-grid';
import { WorkshopRevokedOn1795379842665 } from './1795379842665-workshop-revoked-on';
import { WorkshopCertifications1795382342538 } from './1795382342538-workshop-certifications';
import { SessionTokenGeneration1795400000000 } from './1795400000000-session-token-generation';
import { IdempotencyKeyLease1795400000001 } from './1795400000001-idempotency-key-lease';
import { PhoneCodes1795410000000 } from './1795410000000-phone-codes';
import { ContractParties1795410100000 } from './1795410100000-contract-parties';
import { PersonalDataRights1795410200000 } from './1795410200000-personal-data-rights';
import { JobFilledByHires1795420000000 } from './1795420000000-job-filled-by-hires';
import { SeekerDeclaredGroups1795421000000 } from './1795421000000-seeker-declared-groups';
import { PlacementRollupRowLocks1795430000000 } from './1795430000000-placement-rollup-row-locks';
import { SeekerMatchKeysEligibleOnly1795430100000 } from './1795430100000-seeker-match-keys-eligible-only';
import { JobVoiceNotes1795450000000 } from './1795450000000-job-voice-notes';
import { DropAccountLockoutColumns1795500000000 } from './1795500000000-drop-account-lockout-columns';
import { ContractStatusWithoutDraft1795500100000 } from './1795500100000-contract-status-without-draft';
import { DataDeletionSweep1795600000000 } from './1795600000000-data-deletion-sweep';
import { PlacementRollupGroupedSync1795700000000 } from './1795700000000-placement-rollup-grouped-sync';
import { SeekerMatchKeysEligibleFirst1795700000100 } from './1795700000100-seeker-match-keys-eligible-first';
import { EmployerMemberAdmin1795900000000 } from './1795900000000-employer-member-admin';
import { SecurityLogTimeIndexes1796540138449 } from './1796540138449-security-log-time-indexes';

/**
 * Every migration, in the order TypeORM runs them: by the timestamp ending the class name, and
 * in this list's order when two share one (SearchFilterLexemes and PlacementRollup both carry
 * 1795362000000; a new database runs them in that order). The names are recorded in each
 * database's `migrations` table, so they are never renamed. `npm run migration:generate -- <Name>`
 * appends here; a contract test keeps the list in timestamp order.
 */
export const MIGRATIONS = [
  Foundation1795355868157,
  Outbox1795356581646,
  JobSeekers1795356740120,
  EmployersJobSourcesJobs1795356880578,
  Notifications1795357059840,
  ServiceCodes1795357221062,
  JobSearch1795357850999,
  FairAttendance1795359792269,
  Placements1795359874651,
  ApplicationsContracts1795359973867,
  GigBookings1795360094939,
  SearchRankTokens1795360130744,
  MatchingSeekerArrays1795360500000,
  SavedSearches1795361381580,
  ContractStatusGuard1795361600000,
  SearchFilterLexemes1795362000000,
  PlacementRollup1795362000000,
  SeekerMatchKeys1795362100000,
  IdempotencyKeys1795365825982,
  ScanTargetVersions1795365931031,
  SecondFactor1795366276068,
  NotificationProviderStatus1795369236665,
  SearchRecencyGrid1795370000000,
  WorkshopRevokedOn1795379842665,
  WorkshopCertifications1795382342538,
  SessionTokenGeneration1795400000000,
  IdempotencyKeyLease1795400000001,
  PhoneCodes1795410000000,
  ContractParties1795410100000,
  PersonalDataRights1795410200000,
  JobFilledByHires1795420000000,
  SeekerDeclaredGroups1795421000000,
  PlacementRollupRowLocks1795430000000,
  SeekerMatchKeysEligibleOnly1795430100000,
  JobVoiceNotes1795450000000,
  DropAccountLockoutColumns1795500000000,
  ContractStatusWithoutDraft1795500100000,
  DataDeletionSweep1795600000000,
  PlacementRollupGroupedSync1795700000000,
  SeekerMatchKeysEligibleFirst1795700000100,
  EmployerMemberAdmin1795900000000,
  SecurityLogTimeIndexes1796540138449,
];
