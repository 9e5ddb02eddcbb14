import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IsCalendarDate } from '@jobcode/common';

import { WageUnit } from '@jobcode/jobs';

import { ContractTermKind } from '../contract.enums';

/** The terms of a labour contract as the employer offers them. */
@InputType('ContractTermsInput')
export class ContractTermsInput {
  @Field(() => Float, { description: '工资（元，按 wageUnit 计）' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '工资应为数字，最多两位小数' })
  @Min(0.01, { message: '工资应大于 0' })
  @Max(1000000, { message: '工资数额过大，请核对' })
  wage: number;

  @Field(() => WageUnit)
  @IsEnum(WageUnit, { message: '工资单位只能是 MONTH、DAY、HOUR 或 PIECE' })
  wageUnit: WageUnit;

  @Field(() => String, { description: '合同开始日期 YYYY-MM-DD' })
  @IsCalendarDate({ message: '开始日期应为 YYYY-MM-DD' })
  startDate: string;

  @Field(() => ContractTermKind)
  @IsEnum(ContractTermKind, { message: '合同期限类型只能是 FIXED、OPEN_ENDED 或 PER_TASK' })
  termKind: ContractTermKind;

  @Field(() => String, { nullable: true, description: '固定期限合同的终止日期 YYYY-MM-DD（其他类型不填）' })
  @IsOptional()
  @IsCalendarDate({ message: '终止日期应为 YYYY-MM-DD' })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: '以完成一定工作任务为期限时，写明是什么任务' })
  @IsOptional()
  @MaxLength(200, { message: '工作任务说明最多 200 字' })
  task?: string | null;

  @Field(() => String, { description: '工作地点（详细地址）' })
  @MinLength(2, { message: '请填写工作地点' })
  @MaxLength(200, { message: '工作地点最多 200 字' })
  workplace: string;

  @Field(() => String, { description: '工作地点所在区划代码（乡镇或村）' })
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/, { message: '工作地点区划代码应为 6、9 或 12 位数字' })
  workplaceRegionCode: string;

  @Field(() => String, { description: '工作时间，如“每天 8 小时，每周 5 天”' })
  @MinLength(2, { message: '请填写工作时间' })
  @MaxLength(100, { message: '工作时间最多 100 字' })
  workingHours: string;

  @Field(() => String, { description: '工作内容（岗位职责）' })
  @MinLength(2, { message: '请填写工作内容' })
  @MaxLength(1000, { message: '工作内容最多 1000 字' })
  duties: string;

  @Field(() => Int, { description: '试用期（月），0 表示不约定试用期' })
  @IsInt({ message: '试用期应为整月数' })
  @Min(0, { message: '试用期不能为负数' })
  @Max(6, { message: '试用期最长 6 个月' })
  probationMonths: number;

  @Field(() => Boolean, { description: '是否依法缴纳社会保险' })
  @IsBoolean({ message: 'socialInsurance 应为 true 或 false' })
  socialInsurance: boolean;
}
