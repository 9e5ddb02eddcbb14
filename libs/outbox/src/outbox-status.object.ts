import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OutboxDeadDelivery', { description: '多次重试仍失败、已停止投递的后台任务' })
export class OutboxDeadDeliveryObject {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '事件类型，如 notification.requested' })
  eventType: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: '处理程序名称' })
  handler: string;

  @Field(() => Int, { description: '已尝试次数' })
  attempts: number;

  @Field(() => String, { nullable: true, description: '最后一次的错误' })
  lastError: string | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('OutboxStatus', { description: '后台任务队列（发件箱）的积压情况' })
export class OutboxStatusObject {
  @Field(() => Int, { description: '等待、重试中或正在处理的投递数' })
  pending: number;

  @Field(() => Int, { description: '已放弃的投递数（需要人工处理后重试）' })
  dead: number;

  @Field(() => Float, { nullable: true, description: '最早一条待处理投递已等待的秒数' })
  oldestPendingSeconds: number | null;

  @Field(() => [OutboxDeadDeliveryObject], { description: '最近的已放弃投递（最多 20 条）' })
  deadDeliveries: OutboxDeadDeliveryObject[];
}

@ObjectType('RetryDeadOutboxDeliveriesPayload')
export class RetryDeadOutboxDeliveriesPayload {
  @Field(() => Int, { description: '重新排队的投递数' })
  retried: number;

  @Field(() => OutboxStatusObject)
  status: OutboxStatusObject;
}
