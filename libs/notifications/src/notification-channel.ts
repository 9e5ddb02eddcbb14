import { registerEnumType } from '@nestjs/graphql';

export enum NotificationChannel {
  SMS = 'SMS',
  WECHAT_TEMPLATE = 'WECHAT_TEMPLATE',
  IN_APP = 'IN_APP',
}

registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: '通知渠道',
  valuesMap: {
    SMS: { description: '短信' },
    WECHAT_TEMPLATE: { description: '微信模板消息' },
    IN_APP: { description: '站内消息' },
  },
});
