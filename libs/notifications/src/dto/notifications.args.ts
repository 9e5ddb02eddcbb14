import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';

import { PageArgs } from '@jobcode/common';

import { NotificationChannel } from '../notification-channel';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => NotificationChannel, { nullable: true, description: '只看这个渠道' })
  @IsOptional()
  @IsEnum(NotificationChannel, { message: 'channel 应为 SMS、WECHAT_TEMPLATE 或 IN_APP' })
  channel?: NotificationChannel;
}

@ArgsType()
export class RecentNotificationsArgs extends NotificationsArgs {
  @Field(() => String, { nullable: true, description: '只看这个模板，如 account.welcome' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'templateKey 应为模板名称，如 account.welcome（小写字母、数字和点）' })
  templateKey?: string;
}

@ArgsType()
export class MyNotificationsArgs extends NotificationsArgs {
  @Field(() => Boolean, { nullable: true, description: '只看未读的（totalCount 即未读条数）' })
  @IsOptional()
  @IsBoolean({ message: 'unread 应为 true 或 false' })
  unread?: boolean;
}
