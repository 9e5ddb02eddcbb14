import { Account, Session } from '@jobcode/accounts';
import { Application, ApplicationEvent } from '@jobcode/applications';
import { SecurityEvent } from '@jobcode/audit';
import { Contract, ContractEvent, ContractSignature, SigningCode } from '@jobcode/contracts';
import { CountySetting } from '@jobcode/county-settings';
import { Employer, EmployerMember } from '@jobcode/employers';
import { GigBooking, GigRating } from '@jobcode/gig-bookings';
import { FairBooth, GigStation, JobCaravan, JobFair, Workshop, WorkshopCertification } from '@jobcode/job-sources';
import { Job, JobShift, JobVoiceNote } from '@jobcode/jobs';
import { PersonalDataAccess } from '@jobcode/personal-data';
import { PhoneCode } from '@jobcode/phone-codes';
import { DataDeletionRequest } from '@jobcode/privacy';
import { NotificationMessage } from '@jobcode/notifications';
import { OutboxDelivery, OutboxEventRecord } from '@jobcode/outbox';
import { FollowUp } from '@jobcode/follow-ups';
import { Placement } from '@jobcode/placements';
import { Target } from '@jobcode/targets';
import { IdempotencyKey } from '@jobcode/idempotency';
import { RateLimitBucket } from '@jobcode/rate-limit';
import { Region } from '@jobcode/regions';
import { JobSearchDocumentRow } from '@jobcode/search';
import { FairAttendance, JobSeeker, JobSeekerDeclaredGroup, JobSeekerSupportGroup, SupportGroup } from '@jobcode/seekers';
import { ScanEvent, ScanTargetVersion, ServiceCode } from '@jobcode/service-codes';
import { SavedSearch, SavedSearchAlert } from '@jobcode/saved-searches';

/** Every entity of the service; the migrations must create exactly what these describe. */
export const ENTITIES = [
  Region,
  Account,
  Session,
  SecurityEvent,
  RateLimitBucket,
  PhoneCode,
  DataDeletionRequest,
  IdempotencyKey,
  CountySetting,
  Employer,
  EmployerMember,
  GigStation,
  Workshop,
  WorkshopCertification,
  JobCaravan,
  JobFair,
  FairBooth,
  Job,
  JobShift,
  JobVoiceNote,
  ServiceCode,
  ScanEvent,
  ScanTargetVersion,
  FairAttendance,
  JobSearchDocumentRow,
  PersonalDataAccess,
  SupportGroup,
  JobSeeker,
  JobSeekerSupportGroup,
  JobSeekerDeclaredGroup,
  OutboxEventRecord,
  OutboxDelivery,
  NotificationMessage,
  Application,
  ApplicationEvent,
  Contract,
  ContractEvent,
  ContractSignature,
  SigningCode,
  GigBooking,
  GigRating,
  Placement,
  Target,
  FollowUp,
  SavedSearch,
  SavedSearchAlert,
];
