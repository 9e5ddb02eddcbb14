import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

@InputType('JobTransitionInput', { description: '改变岗位状态（发布、暂停、恢复、招满、关闭）' })
export class JobTransitionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;
}

@InputType('AddJobShiftInput')
export class AddJobShiftInput {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;

  @Field(() => String, { description: '日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD，例如 2026-12-01' })
  date: string;

  @Field(() => String, { description: '开始时间 HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '开始时间应为 HH:MM（24 小时制），例如 07:30' })
  startTime: string;

  @Field(() => String, { description: '结束时间 HH:MM，须晚于开始时间（不跨夜）' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '结束时间应为 HH:MM（24 小时制），例如 17:30' })
  endTime: string;

  @Field(() => Int, { description: '名额' })
  @IsInt({ message: '名额应为整数' })
  @Min(1, { message: '名额至少 1 人' })
  @Max(1000, { message: '名额最多 1000 人' })
  slots: number;

  @Field(() => Int, { description: '日薪（元）' })
  @IsInt({ message: '日薪应为整数元' })
  @Min(1, { message: '日薪应大于 0' })
  @Max(10000, { message: '日薪最多 10000 元' })
  dayPay: number;
}
