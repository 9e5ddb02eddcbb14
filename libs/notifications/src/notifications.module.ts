import { Logger, Module } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';

import { DevNotificationAdapter } from './adapters/dev/dev-notification.adapter';
import { NotificationRecorder } from './adapters/notification-recorder';
import { TencentSmsAdapter } from './adapters/tencent-sms/tencent-sms.adapter';
import { NotificationTemplates } from './notification-templates';
import { NotificationPort } from './notification.port';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Notifications through the outbox; the adapter behind NotificationPort comes from the NOTIFICATIONS setting. */
@Module({
  providers: [
    NotificationTemplates,
    NotificationsService,
    NotificationsResolver,
    NotificationRecorder,
    {
      provide: NotificationPort,
      inject: [AppConfig, NotificationRecorder],
      useFactory: (config: AppConfig, recorder: NotificationRecorder): NotificationPort => {
        const logger = new Logger('Notifications');
        if (config.NOTIFICATIONS === 'tencent-sms') {
          // loadConfig has refused to boot unless every required TENCENT_SMS_* setting is present and valid.
          logger.log(
            `NOTIFICATIONS=tencent-sms: SMS through Tencent Cloud (${config.tencentSmsEndpoint.host}, ${config.tencentSmsTemplates.size} template(s) mapped); WeChat template messages are recorded, not sent`,
          );
          return new TencentSmsAdapter(
            {
              secretId: config.TENCENT_SMS_SECRET_ID!,
              secretKey: config.TENCENT_SMS_SECRET_KEY!,
              sdkAppId: config.TENCENT_SMS_SDK_APP_ID!,
              signName: config.TENCENT_SMS_SIGN_NAME!,
              region: config.TENCENT_SMS_REGION,
              templates: config.tencentSmsTemplates,
              endpoint: config.tencentSmsEndpoint,
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
