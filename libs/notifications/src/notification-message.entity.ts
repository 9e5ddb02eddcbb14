import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { NotificationChannel } from './notification-channel';

/**
 * A notification as delivered: the in-app inbox, and with the dev adapter the record of
 * every SMS and WeChat message that would have been sent. One row per outbox event, so a
 * retried delivery never records a message twice.
 */
@Entity('notification_message')
@Check('notification_message_channel', `"channel" IN ('SMS', 'WECHAT_TEMPLATE', 'IN_APP')`)
@Check('notification_message_recipient', `"account_id" IS NOT NULL OR "phone_encrypted" IS NOT NULL`)
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

  /** Which adapter delivered it: `dev` records only. */
  @Column({ type: 'varchar', length: 20 })
  adapter: string;

  /** When the feature asked for it (the outbox event's time). */
  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deliveredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
