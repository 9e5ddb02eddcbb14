import { Account, Session } from '@jobcode/accounts';
import { SecurityEvent } from '@jobcode/audit';
import { PersonalDataAccess } from '@jobcode/personal-data';
import { RateLimitBucket } from '@jobcode/rate-limit';
import { Region } from '@jobcode/regions';
import { JobSeeker, JobSeekerSupportGroup, SupportGroup } from '@jobcode/seekers';

/** Every entity of the service; the migrations must create exactly what these describe. */
export const ENTITIES = [Region, Account, Session, SecurityEvent, RateLimitBucket, PersonalDataAccess, SupportGroup, JobSeeker, JobSeekerSupportGroup];
