import { type EntityManager } from 'typeorm';

import { NotificationChannel } from './notification-channel';
import { type TemplateParams } from './notification-templates';

/** A rendered notification, ready for a channel. */
export interface OutgoingNotification {
  /** The outbox event id: stable across retries, the key to dedupe on at the provider. */
  eventId: string;
  channel: NotificationChannel;
  accountId: string | null;
  /** The mobile number in clear (SMS only), looked up from the account when not given. */
  phone: string | null;
  templateKey: string;
  params: TemplateParams;
  title: string;
  body: string;
  requestedAt: Date;
}

/**
 * Where notifications leave the platform. One adapter per deployment, chosen by the
 * NOTIFICATIONS setting. Called by the outbox dispatcher, so it must be idempotent on
 * `eventId`; `manager` is the delivery's transaction (writes through it happen once).
 * Throwing makes the outbox retry with backoff.
 */
export abstract class NotificationPort {
  abstract readonly name: string;
  abstract deliver(message: OutgoingNotification, manager: EntityManager): Promise<void>;
}
