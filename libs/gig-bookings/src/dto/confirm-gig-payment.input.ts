import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsNumber, IsUUID, Max, Min } from 'class-validator';

@InputType('ConfirmGigPaymentInput', { description: '确认工钱已付（用人单位）或已收到（求职者）；双方金额不一致时提交工作人员处理' })
export class ConfirmGigPaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: '预约编号格式不正确' })
  bookingId: string;

  @Field(() => Float, { description: '金额（元）' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '金额应为数字，最多两位小数' })
  @Min(0, { message: '金额不能为负' })
  @Max(100000, { message: '金额最多 100000 元' })
  amount: number;

  @Field(() => Date, { description: '付款（收款）时间' })
  @IsDate({ message: '付款时间应为 ISO 8601 时间，例如 2026-12-01T18:30:00+08:00' })
  paidAt: Date;
}
