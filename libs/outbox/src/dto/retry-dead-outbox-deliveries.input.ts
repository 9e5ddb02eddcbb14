import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

@InputType('RetryDeadOutboxDeliveriesInput')
export class RetryDeadOutboxDeliveriesInput {
  @Field(() => String, { nullable: true, description: '只重试这一条；不填则重试全部已放弃的投递' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'deliveryId 应为投递编号（正整数），见 outboxStatus.deadDeliveries.id' })
  deliveryId?: string;
}
