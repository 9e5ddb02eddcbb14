import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { MarkNotificationReadInput } from './dto/mark-notification-read.input';
import { MyNotificationsArgs, RecentNotificationsArgs } from './dto/notifications.args';
import { MarkAllNotificationsReadPayload, NotificationConnection, NotificationObject } from './notification.object';
import { NotificationsService } from './notifications.service';

const ANY_ROLE = [Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => NotificationObject)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Allow(...ANY_ROLE)
  @Query(() => NotificationConnection, { description: '发给我的通知，最新的在前' })
  myNotifications(@CurrentActor() actor: Actor, @Args() args: MyNotificationsArgs): Promise<NotificationConnection> {
    return this.notifications.mine(actor, args.first, args.after, { channel: args.channel, unread: args.unread });
  }

  @Allow(Role.ADMIN)
  @Query(() => NotificationConnection, { description: '最近发出的全部通知（管理员；开发环境下即“短信、微信发件箱”）' })
  recentNotifications(@Args() args: RecentNotificationsArgs): Promise<NotificationConnection> {
    return this.notifications.recent(args.first, args.after, { channel: args.channel, templateKey: args.templateKey });
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => NotificationObject, { description: '把自己的一条通知标为已读' })
  markNotificationRead(@CurrentActor() actor: Actor, @Args('input') input: MarkNotificationReadInput): Promise<NotificationObject> {
    return this.notifications.markRead(actor, input.id);
  }

  @Allow(...ANY_ROLE)
  @Mutation(() => MarkAllNotificationsReadPayload, { description: '把自己的全部未读通知标为已读' })
  async markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<MarkAllNotificationsReadPayload> {
    return { marked: await this.notifications.markAllRead(actor) };
  }
}
