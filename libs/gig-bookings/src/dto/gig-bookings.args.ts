import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';

import { IsCalendarDate, PageArgs } from '@jobcode/common';

import { GigBookingStatus } from '../gig-booking.enums';

@ArgsType()
export class GigBookingsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '只看这个班次的预约' })
  @IsOptional()
  @IsUUID('all', { message: '班次编号格式不正确' })
  shiftId?: string;

  @Field(() => GigBookingStatus, { nullable: true })
  @IsOptional()
  @IsEnum(GigBookingStatus, { message: '预约状态取值不正确' })
  status?: GigBookingStatus;

  @Field(() => Boolean, { nullable: true, description: '只看工钱有争议的（双方确认金额不一致）' })
  @IsOptional()
  @IsBoolean()
  paymentDisputed?: boolean;

  @Field(() => String, { nullable: true, description: '只看这一天（县里的日期 YYYY-MM-DD，即班次日期）的预约，例如今天的名单' })
  @IsOptional()
  @IsCalendarDate({ message: '日期应为 YYYY-MM-DD，例如 2026-12-01' })
  on?: string;
}
