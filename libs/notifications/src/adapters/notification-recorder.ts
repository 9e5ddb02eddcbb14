import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { PersonalDataCipher } from '@jobcode/personal-data';

import { NotificationMessage, type ProviderStatus } from '../notification-message.entity';
import { type OutgoingNotification } from '../notification.port';

/** What a provider adapter writes back on a message after handing it over (or deciding not to). */
export interface ProviderOutcome {
  status: ProviderStatus;
  code?: string | null;
  messageId?: string | null;
  sentAt?: Date | null;
}

/**
 * Writes a delivered message into notification_message (the in-app inbox and the record of
 * every SMS / WeChat message), once per outbox event; every adapter records through it.
 */
@Injectable()
export class NotificationRecorder {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /**
   * Records the message (a redelivery of the same event records nothing new) and returns its
   * row, locked for the rest of the delivery's transaction: a second delivery of the same event
   * waits here until the first commits or rolls back, then sees what the first wrote.
   */
  async record(message: OutgoingNotification, adapter: string, manager: EntityManager): Promise<NotificationMessage> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationMessage)
      .values({
        eventId: message.eventId,
        channel: message.channel,
        accountId: message.accountId,
        phoneEncrypted: message.phone ? this.cipher.encrypt(message.phone) : null,
        templateKey: message.templateKey,
        params: message.params,
        title: message.title,
        body: message.body,
        adapter,
        requestedAt: message.requestedAt,
      })
      .orIgnore()
      .execute();
    return manager
      .getRepository(NotificationMessage)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.event_id = :eventId', { eventId: message.eventId })
      .getOneOrFail();
  }

  /** Stores what the provider made of the message, in the delivery's transaction. */
  async markOutcome(id: string, outcome: ProviderOutcome, manager: EntityManager): Promise<void> {
    await manager.update(NotificationMessage, id, {
      providerStatus: outcome.status,
      providerCode: outcome.code ?? null,
      providerMessageId: outcome.messageId ?? null,
      sentAt: outcome.sentAt ?? null,
    });
  }
}
