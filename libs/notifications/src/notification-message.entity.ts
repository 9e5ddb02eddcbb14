import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { NotificationChannel } from './notification-channel';

/** What a provider made of a message (null: nothing was handed to a provider, e.g. the dev adapter or in-app). */
export enum ProviderStatus {
  /** The provider accepted it (`providerMessageId` is its serial number). */
  SENT = 'SENT',
  /** The provider refused it for good (invalid number, template mismatch…; `providerCode` says why). */
  FAILED = 'FAILED',
  /** Deliberately not handed over (`providerCode`, e.g. NO_TEMPLATE_MAPPING: no approved template for the key). */
  NOT_SENT = 'NOT_SENT',
}

/**
 * A notification as delivered: the in-app inbox, and the record of every SMS and WeChat
 * message, sent or (dev adapter) only recorded. One row per outbox event, so a retried
 * delivery never records a message twice, and a provider adapter checks the row's
 * `providerStatus` before sending so a redelivery does not send twice.
 */
@Entity('notification_message')
@Check('notification_message_channel', `"channel" IN ('SMS', 'WECHAT_TEMPLATE', 'IN_APP')`)
@Check('notification_message_recipient', `"account_id" IS NOT NULL OR "phone_encrypted" IS NOT NULL`)
@Check('notification_message_provider_status', `"provider_status" IS NULL OR "provider_status" IN ('SENT', 'FAILED', 'NOT_SENT')`)
@Check('notification_message_sent', `("provider_status" = 'SENT') = ("sent_at" IS NOT NULL AND "provider_message_id" IS NOT NULL)`)
@Index(['accountId', 'deliveredAt'])
@Index(['deliveredAt'])
export class NotificationMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The outbox event that carried the request: the dedupe key. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 20 })
  channel: NotificationChannel;

  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  /** AES-256-GCM of the mobile number (SMS), never in clear. */
  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  @Column({ type: 'varchar', length: 100 })
  templateKey: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | number>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Which adapter delivered it: `dev` records only, `tencent-sms` also sends SMS. */
  @Column({ type: 'varchar', length: 20 })
  adapter: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  providerStatus: ProviderStatus | null;

  /** The provider's result code when not sent (e.g. InvalidParameterValue.IncorrectPhoneNumber) or our reason. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  providerCode: string | null;

  /** The provider's id of the sent message (Tencent: SendStatus.SerialNo). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  providerMessageId: string | null;

  /** When the provider accepted it. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the feature asked for it (the outbox event's time). */
  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deliveredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
