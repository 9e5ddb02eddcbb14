import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { NotificationChannel } from './notification-channel';

@ObjectType('Notification', { description: '发给某人的一条通知（站内消息；开发环境下也记录短信和微信消息）' })
export class NotificationObject {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field(() => String, { description: '模板名称，如 account.welcome' })
  templateKey: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: '通知正文' })
  body: string;

  @Field(() => ID, { nullable: true, description: '收件账号' })
  accountId: string | null;

  @Field(() => String, { nullable: true, description: '短信收件手机号，显示为 138****5678' })
  phone: string | null;

  @Field(() => Date, { description: '送达时间' })
  deliveredAt: Date;

  @Field(() => Date, { nullable: true, description: '已读时间；未读为空' })
  readAt: Date | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(NotificationObject, 'Notification') {}

@ObjectType('MarkAllNotificationsReadPayload')
export class MarkAllNotificationsReadPayload {
  @Field(() => Int, { description: '这次标为已读的通知数（原本已读的不计）' })
  marked: number;
}
