import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

import { IsCalendarDate } from '@jobcode/common';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What an employer says about a shift: when, how many, for what pay, where to meet. */
@InputType('JobShiftTermsInput', { isAbstract: true })
export class JobShiftTermsInput {
  @Field(() => String, { description: '日期 YYYY-MM-DD' })
  @IsCalendarDate({ message: '日期应为 YYYY-MM-DD，例如 2026-12-01' })
  date: string;

  @Field(() => String, { description: '开始时间 HH:MM' })
  @Matches(TIME, { message: '开始时间应为 HH:MM（24 小时制），例如 07:30' })
  startTime: string;

  @Field(() => String, { description: '结束时间 HH:MM，须晚于开始时间（不跨夜）' })
  @Matches(TIME, { message: '结束时间应为 HH:MM（24 小时制），例如 17:30' })
  endTime: string;

  @Field(() => Int, { description: '名额' })
  @IsInt({ message: '名额应为整数' })
  @Min(1, { message: '名额至少 1 人' })
  @Max(1000, { message: '名额最多 1000 人' })
  slots: number;

  @Field(() => Int, { nullable: true, description: '日薪（元，日结）；与计件单价至少填一个' })
  @IsOptional()
  @IsInt({ message: '日薪应为整数元' })
  @Min(1, { message: '日薪应大于 0' })
  @Max(10000, { message: '日薪最多 10000 元' })
  dayPay?: number | null;

  @Field(() => Float, { nullable: true, description: '计件单价（元/件，最多两位小数）；与日薪至少填一个' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '计件单价应为数字，最多两位小数，例如 0.5' })
  @Min(0.01, { message: '计件单价应大于 0' })
  @Max(10000, { message: '计件单价最多 10000 元' })
  pieceRate?: number | null;

  @Field(() => ID, { nullable: true, description: '集合的零工驿站（签到时扫该站的码）；不填则用岗位所属的零工站点' })
  @IsOptional()
  @IsUUID('all', { message: '零工站点编号格式不正确' })
  meetingStationId?: string | null;

  @Field(() => String, { nullable: true, description: '集合地点说明，例如 金江村村委门口' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '集合地点最多 200 个字' })
  meetingPoint?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: '即时快招：求职者预约后自动确认，无需用人单位逐个确认' })
  @IsBoolean()
  instantHiring: boolean;
}

@InputType('AddJobShiftInput')
export class AddJobShiftInput extends JobShiftTermsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;
}

@InputType('ChangeJobShiftInput', { description: '修改班次（只能在无人预约时修改）' })
export class ChangeJobShiftInput extends JobShiftTermsInput {
  @Field(() => ID)
  @IsUUID('all', { message: '班次编号格式不正确' })
  shiftId: string;
}

@InputType('CancelJobShiftInput', { description: '取消班次；已预约的求职者会收到通知' })
export class CancelJobShiftInput {
  @Field(() => ID)
  @IsUUID('all', { message: '班次编号格式不正确' })
  shiftId: string;

  @Field(() => String, { description: '取消原因，会告知已预约的求职者，例如 下雨停工' })
  @IsString()
  @Length(2, 200, { message: '取消原因应为 2 到 200 个字' })
  reason: string;
}
