import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType('CompleteGigBookingInput', { description: '用人单位确认完工：工时或计件数，以及应付工钱' })
export class CompleteGigBookingInput {
  @Field(() => ID)
  @IsUUID('all', { message: '预约编号格式不正确' })
  bookingId: string;

  @Field(() => Float, { nullable: true, description: '实际工时（小时）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '工时应为数字，最多两位小数' })
  @Min(0.25, { message: '工时至少 0.25 小时' })
  @Max(24, { message: '工时最多 24 小时' })
  hoursWorked?: number | null;

  @Field(() => Int, { nullable: true, description: '完成件数（计件的班次必填）' })
  @IsOptional()
  @IsInt({ message: '件数应为整数' })
  @Min(0, { message: '件数不能为负' })
  @Max(1000000, { message: '件数过大' })
  piecesDone?: number | null;

  @Field(() => Float, { nullable: true, description: '应付工钱（元）；不填则按日薪或计件单价×件数计算' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '工钱应为数字，最多两位小数' })
  @Min(0, { message: '工钱不能为负' })
  @Max(100000, { message: '工钱最多 100000 元' })
  pay?: number | null;
}
