import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType('MarkNotificationReadInput')
export class MarkNotificationReadInput {
  @Field(() => ID, { description: '通知编号（Notification.id）' })
  @IsUUID('all', { message: 'id 应为通知编号，见 myNotifications 返回的 id' })
  id: string;
}
