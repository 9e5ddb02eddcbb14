import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';

import { ServiceCodeTargetKind } from './service-code-target-kind';

import { IsCalendarDate } from '@jobcode/common';

export enum ScanCountGroup {
  CODE = 'CODE',
  TARGET = 'TARGET',
}
registerEnumType(ScanCountGroup, {
  name: 'ScanCountGroup',
  valuesMap: { CODE: { description: '每个码（每块板）' }, TARGET: { description: '每个对象（驿站、车间…）' } },
});

@InputType('ScanCountsInput')
export class ScanCountsInput {
  @Field(() => String, { description: '起始日期 YYYY-MM-DD（县时间）' })
  @IsCalendarDate({ message: '日期格式应为 YYYY-MM-DD' })
  from: string;

  @Field(() => String, { description: '截止日期 YYYY-MM-DD（含当天）' })
  @IsCalendarDate({ message: '日期格式应为 YYYY-MM-DD' })
  to: string;

  @Field(() => ScanCountGroup, { defaultValue: ScanCountGroup.TARGET })
  @IsEnum(ScanCountGroup)
  groupBy: ScanCountGroup;

  @Field(() => ServiceCodeTargetKind, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceCodeTargetKind)
  targetKind?: ServiceCodeTargetKind;

  @Field(() => String, { nullable: true, description: '区划代码；不填为本人管辖范围' })
  @IsOptional()
  @IsString()
  regionCode?: string;
}

@ObjectType('ScanCount', { description: '某天某个码或对象的扫码次数' })
export class ScanCount {
  @Field(() => String, { description: '日期（县时间）' })
  day: string;

  @Field(() => ServiceCodeTargetKind)
  targetKind: ServiceCodeTargetKind;

  @Field(() => ID)
  targetId: string;

  @Field(() => String, { nullable: true, description: '按码统计时：码值' })
  token: string | null;

  @Field(() => String, { nullable: true, description: '按码统计时：张贴位置' })
  label: string | null;

  @Field(() => Int)
  scans: number;

  @Field(() => Int, { description: '其中已登录账号的扫码次数' })
  signedInScans: number;
}
