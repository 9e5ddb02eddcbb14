import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { maskPhone } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { NotificationMessage } from '../../notification-message.entity';
import { NotificationPort, type OutgoingNotification } from '../../notification.port';

/**
 * Development and demo adapter: records every message, whatever its channel, in
 * notification_message (phone encrypted), where tests, demos and the in-app inbox read
 * it. Sends nothing outside the platform.
 */
@Injectable()
export class DevNotificationAdapter extends NotificationPort {
  readonly name = 'dev';
  private readonly logger = new Logger('Notifications');

  constructor(private readonly cipher: PersonalDataCipher) {
    super();
  }

  async deliver(message: OutgoingNotification, manager: EntityManager): Promise<void> {
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
        adapter: this.name,
        requestedAt: message.requestedAt,
      })
      .orIgnore()
      .execute();
    this.logger.log(
      `${message.channel} ${message.templateKey} to ${message.accountId ?? '-'} ${message.phone ? maskPhone(message.phone) : ''} (recorded, not sent)`,
    );
  }
}
