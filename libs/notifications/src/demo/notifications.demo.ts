import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Account } from '@jobcode/accounts';
import { inTransaction } from '@jobcode/database';
import { OutboxService } from '@jobcode/outbox';

import { NotificationChannel } from '../notification-channel';
import { NotificationMessage } from '../notification-message.entity';
import { NotificationsService } from '../notifications.service';

/**
 * Demo step: a welcome message in every demo account's in-app inbox (idempotent: the
 * key is per account, so running the demo again sends nothing new), delivered through
 * the outbox before the step returns.
 */
export const notificationsDemoStep = {
  name: 'notifications',
  async run(app: INestApplicationContext): Promise<string> {
    const dataSource = app.get(DataSource);
    const notifications = app.get(NotificationsService);
    const accounts = await dataSource.getRepository(Account).find({ order: { createdAt: 'ASC' }, take: 500 });
    await inTransaction(dataSource, async (manager) => {
      for (const account of accounts) {
        await notifications.send(manager, {
          to: { accountId: account.id },
          channel: NotificationChannel.IN_APP,
          template: 'account.welcome',
          params: { name: account.name, county: '资源县' },
          idempotencyKey: `demo:welcome:${account.id}`,
        });
      }
    });
    await app.get(OutboxService).drain();
    const inboxes = await dataSource.getRepository(NotificationMessage).countBy({ templateKey: 'account.welcome' });
    return `${inboxes} welcome message(s) delivered to ${accounts.length} account(s)`;
  },
};
