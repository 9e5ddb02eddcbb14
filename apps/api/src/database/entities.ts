import { Account, Session } from '@jobcode/accounts';
import { SecurityEvent } from '@jobcode/audit';
import { NotificationMessage } from '@jobcode/notifications';
import { OutboxDelivery, OutboxEventRecord } from '@jobcode/outbox';
import { RateLimitBucket } from '@jobcode/rate-limit';
import { Region } from '@jobcode/regions';
import { JobSearchDocumentRow } from '@jobcode/search';
import { ScanEvent, ServiceCode } from '@jobcode/service-codes';

/** Every entity of the service; the migrations must create exactly what these describe. */
export const ENTITIES = [
  Region,
  Account,
  Session,
  SecurityEvent,
  RateLimitBucket,
  ServiceCode,
  ScanEvent,
  JobSearchDocumentRow,
  OutboxEventRecord,
  OutboxDelivery,
  NotificationMessage,
];
