import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType('RateGigBookingInput', { description: '完工后评价对方（1–5 分和一句话）；双方都评价后或完工 7 天后公开' })
export class RateGigBookingInput {
  @Field(() => ID)
  @IsUUID('all', { message: '预约编号格式不正确' })
  bookingId: string;

  @Field(() => Int, { description: '1 到 5 分' })
  @IsInt({ message: '评分应为 1 到 5 的整数' })
  @Min(1, { message: '评分应为 1 到 5 的整数' })
  @Max(5, { message: '评分应为 1 到 5 的整数' })
  score: number;

  @Field(() => String, { nullable: true, description: '一句话评价，最多 200 字' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '评价最多 200 个字' })
  comment?: string | null;
}
