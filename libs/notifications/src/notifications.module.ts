import { Logger, Module } from '@nestjs/common';

import { AppConfig, registerSettings } from '@jobcode/common';

import { DevNotificationAdapter } from './adapters/dev/dev-notification.adapter';
import { NotificationRecorder } from './adapters/notification-recorder';
import { TencentSmsAdapter } from './adapters/tencent-sms/tencent-sms.adapter';
import { NotificationTemplates } from './notification-templates';
import { NotificationPort } from './notification.port';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NotificationsSettings } from './notifications.settings';

/** Notifications through the outbox; the adapter behind NotificationPort comes from the NOTIFICATIONS setting. */
@Module({
  providers: [
    NotificationTemplates,
    NotificationsService,
    NotificationsResolver,
    NotificationRecorder,
    registerSettings(NotificationsSettings),
    {
      provide: NotificationPort,
      inject: [AppConfig, NotificationsSettings, NotificationRecorder],
      useFactory: (config: AppConfig, settings: NotificationsSettings, recorder: NotificationRecorder): NotificationPort => {
        const logger = new Logger('Notifications');
        if (settings.NOTIFICATIONS === 'tencent-sms') {
          // The boot has stopped unless every required TENCENT_SMS_* setting is present and valid (NotificationsSettings.problems).
          logger.log(
            `NOTIFICATIONS=tencent-sms: SMS through Tencent Cloud (${settings.tencentSmsEndpoint.host}, ${settings.tencentSmsTemplates.size} template(s) mapped); WeChat template messages are recorded, not sent`,
          );
          return new TencentSmsAdapter(
            {
              secretId: settings.TENCENT_SMS_SECRET_ID!,
              secretKey: settings.TENCENT_SMS_SECRET_KEY!,
              sdkAppId: settings.TENCENT_SMS_SDK_APP_ID!,
              signName: settings.TENCENT_SMS_SIGN_NAME!,
              region: settings.TENCENT_SMS_REGION,
              templates: settings.tencentSmsTemplates,
              endpoint: settings.tencentSmsEndpoint,
              timeoutSeconds: Math.max(1, Math.min(15, Math.floor(config.OUTBOX_LEASE_SECONDS / 3))),
            },
            recorder,
          );
        }
        if (config.isProduction) {
          logger.warn('NOTIFICATIONS=dev: SMS and WeChat messages are recorded in notification_message, not sent');
        }
        return new DevNotificationAdapter(recorder);
      },
    },
  ],
  exports: [NotificationsService, NotificationTemplates],
})
export class NotificationsModule {}
