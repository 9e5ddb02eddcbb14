import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, notFound, Role } from '@jobcode/common';

import { RetryDeadOutboxDeliveriesInput } from './dto/retry-dead-outbox-deliveries.input';
import { OutboxStatusObject, RetryDeadOutboxDeliveriesPayload } from './outbox-status.object';
import { OutboxService } from './outbox.service';

@Resolver(() => OutboxStatusObject)
export class OutboxResolver {
  constructor(private readonly outbox: OutboxService) {}

  @Allow(Role.ADMIN)
  @Query(() => OutboxStatusObject, { description: '后台任务积压与失败情况（管理员）' })
  outboxStatus(): Promise<OutboxStatusObject> {
    return this.status();
  }

  @Allow(Role.ADMIN)
  @Mutation(() => RetryDeadOutboxDeliveriesPayload, { description: '排除故障后，把已放弃的投递重新排队（管理员）' })
  async retryDeadOutboxDeliveries(@Args('input') input: RetryDeadOutboxDeliveriesInput): Promise<RetryDeadOutboxDeliveriesPayload> {
    const retried = await this.outbox.retryDead(input.deliveryId);
    if (input.deliveryId && retried === 0) {
      throw notFound(`没有编号为 ${input.deliveryId} 的已放弃投递；请从 outboxStatus.deadDeliveries 中选择`, { field: 'input.deliveryId' });
    }
    return { retried, status: await this.status() };
  }

  private async status(): Promise<OutboxStatusObject> {
    const [stats, dead] = await Promise.all([this.outbox.stats(), this.outbox.deadDeliveries()]);
    return {
      ...stats,
      deadDeliveries: dead.map((d) => ({
        id: d.id,
        eventType: d.eventType,
        eventId: d.eventId,
        handler: d.handler,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt,
      })),
    };
  }
}
