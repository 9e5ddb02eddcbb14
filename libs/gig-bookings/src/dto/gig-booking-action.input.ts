import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('GigBookingActionInput', { description: '对一个零工预约的操作（确认、标记未到岗）' })
export class GigBookingActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '预约编号格式不正确' })
  bookingId: string;
}

@InputType('CancelGigBookingInput')
export class CancelGigBookingInput extends GigBookingActionInput {
  @Field(() => String, { nullable: true, description: '取消原因，会告知对方' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '取消原因最多 200 个字' })
  reason?: string | null;
}
