import { Global, Logger, Module } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { DevNotificationAdapter } from './adapters/dev/dev-notification.adapter';
import { NotificationTemplates } from './notification-templates';
import { NotificationPort } from './notification.port';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Notifications through the outbox; the adapter behind NotificationPort comes from the NOTIFICATIONS setting. */
@Global()
@Module({
  providers: [
    NotificationTemplates,
    NotificationsService,
    NotificationsResolver,
    {
      provide: NotificationPort,
      inject: [AppConfig, PersonalDataCipher],
      useFactory: (config: AppConfig, cipher: PersonalDataCipher): NotificationPort => {
        if (config.isProduction) {
          new Logger('Notifications').warn('NOTIFICATIONS=dev: SMS and WeChat messages are recorded in notification_message, not sent');
        }
        return new DevNotificationAdapter(cipher);
      },
    },
  ],
  exports: [NotificationsService, NotificationTemplates],
})
export class NotificationsModule {}
