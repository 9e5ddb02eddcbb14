import { Account, Session } from '@jobcode/accounts';
import { SecurityEvent } from '@jobcode/audit';
import { CountySetting } from '@jobcode/county-settings';
import { Employer, EmployerMember } from '@jobcode/employers';
import { FairBooth, GigStation, JobCaravan, JobFair, Workshop } from '@jobcode/job-sources';
import { Job, JobShift } from '@jobcode/jobs';
import { PersonalDataAccess } from '@jobcode/personal-data';
import { NotificationMessage } from '@jobcode/notifications';
import { OutboxDelivery, OutboxEventRecord } from '@jobcode/outbox';
import { RateLimitBucket } from '@jobcode/rate-limit';
import { Region } from '@jobcode/regions';
import { JobSearchDocumentRow } from '@jobcode/search';
import { JobSeeker, JobSeekerSupportGroup, SupportGroup } from '@jobcode/seekers';
import { ScanEvent, ServiceCode } from '@jobcode/service-codes';
import { SavedSearch, SavedSearchAlert } from '@jobcode/saved-searches';

/** Every entity of the service; the migrations must create exactly what these describe. */
export const ENTITIES = [
  Region,
  Account,
  Session,
  SecurityEvent,
  RateLimitBucket,
  CountySetting,
  Employer,
  EmployerMember,
  GigStation,
  Workshop,
  JobCaravan,
  JobFair,
  FairBooth,
  Job,
  JobShift,
  ServiceCode,
  ScanEvent,
  JobSearchDocumentRow,
  PersonalDataAccess,
  SupportGroup,
  JobSeeker,
  JobSeekerSupportGroup,
  OutboxEventRecord,
  OutboxDelivery,
  NotificationMessage,
  SavedSearch,
  SavedSearchAlert,
];
