import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { maskPhone } from '@jobcode/common';

import { NotificationPort, type OutgoingNotification } from '../../notification.port';
import { NotificationRecorder } from '../notification-recorder';

/**
 * Development and demo adapter: records every message, whatever its channel, in
 * notification_message (phone encrypted), where tests, demos and the in-app inbox read
 * it. Sends nothing outside the platform.
 */
@Injectable()
export class DevNotificationAdapter extends NotificationPort {
  readonly name = 'dev';
  private readonly logger = new Logger('Notifications');

  constructor(private readonly recorder: NotificationRecorder) {
    super();
  }

  async deliver(message: OutgoingNotification, manager: EntityManager): Promise<void> {
    await this.recorder.record(message, this.name, manager);
    this.logger.log(
      `${message.channel} ${message.templateKey} to ${message.accountId ?? '-'} ${message.phone ? maskPhone(message.phone) : ''} (recorded, not sent)`,
    );
  }
}
