import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsDateString, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

import { PageArgs, IsCalendarDate } from '@jobcode/common';

import { GigStationLevel } from '../gig-station.entity';
import { JobFairKind } from '../job-fair.entity';
import { PlaceInput } from './place.input';

const UUID = { message: '编号格式不正确' };

@InputType('CreateGigStationInput')
export class CreateGigStationInput extends PlaceInput {
  @Field(() => String)
  @IsString()
  @Length(2, 100, { message: '名称应为 2 到 100 个字' })
  name: string;

  @Field(() => GigStationLevel, { description: '县级零工市场建在县，零工中心建在乡镇，零工驿站建在村' })
  @IsEnum(GigStationLevel, { message: '级别只能是 COUNTY、TOWNSHIP 或 VILLAGE' })
  level: GigStationLevel;

  @Field(() => String, { description: '所在区划代码，级别须与 level 一致' })
  @IsString()
  regionCode: string;

  @Field(() => String, { description: '开放时间，例如 每天 7:00–18:00' })
  @IsString()
  @Length(2, 100, { message: '开放时间应为 2 到 100 个字' })
  openingHours: string;
}

@InputType('CreateWorkshopInput')
export class CreateWorkshopInput extends PlaceInput {
  @Field(() => ID, { description: '开办车间的用人单位（须已审核通过）' })
  @IsUUID('all', UUID)
  employerId: string;

  @Field(() => String)
  @IsString()
  @Length(2, 100, { message: '车间名称应为 2 到 100 个字' })
  name: string;

  @Field(() => String, { description: '车间所在村的 12 位区划代码' })
  @IsString()
  regionCode: string;

  @Field(() => Int, { description: '在岗人数' })
  @IsInt({ message: '在岗人数应为整数' })
  @Min(0, { message: '在岗人数不能为负数' })
  @Max(10000, { message: '在岗人数最多 10000' })
  headcount: number;
}

@InputType('CertifyWorkshopInput')
export class CertifyWorkshopInput {
  @Field(() => ID)
  @IsUUID('all', UUID)
  workshopId: string;

  @Field(() => String, { description: '认定日期 YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: '认定日期应为 YYYY-MM-DD，例如 2026-03-15' })
  @IsCalendarDate({ message: '认定日期应为 YYYY-MM-DD，例如 2026-03-15' })
  certifiedOn: string;
}

@InputType('RevokeWorkshopInput')
export class RevokeWorkshopInput {
  @Field(() => ID)
  @IsUUID('all', UUID)
  workshopId: string;

  @Field(() => String)
  @IsString()
  @Length(2, 200, { message: '请填写撤销认定的原因（2 到 200 个字）' })
  reason: string;

  @Field(() => String, { nullable: true, description: '撤销认定日期 YYYY-MM-DD（撤销文件上的日期，不早于认定日期、不晚于今天）；不填为今天' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '撤销认定日期应为 YYYY-MM-DD，例如 2026-03-15' })
  @IsCalendarDate({ message: '撤销认定日期应为 YYYY-MM-DD，例如 2026-03-15' })
  revokedOn?: string | null;
}

@InputType('CreateJobCaravanInput')
export class CreateJobCaravanInput {
  @Field(() => String, { description: '例如 2026 年资源县就业大篷车' })
  @IsString()
  @Length(2, 100, { message: '名称应为 2 到 100 个字' })
  name: string;

  @Field(() => String, { description: '巡回的县（6 位区划代码）' })
  @Matches(/^\d{6}$/, { message: '县的区划代码应为 6 位数字' })
  countyCode: string;

  @Field(() => String)
  @IsString()
  @Length(2, 100, { message: '主办单位应为 2 到 100 个字' })
  organiser: string;
}

@InputType('CreateJobFairInput')
export class CreateJobFairInput {
  @Field(() => String)
  @IsString()
  @Length(2, 100, { message: '名称应为 2 到 100 个字' })
  name: string;

  @Field(() => JobFairKind)
  @IsEnum(JobFairKind, { message: '类型只能是 ORDINARY、SPRING_CAMPAIGN 或 CARAVAN' })
  kind: JobFairKind;

  @Field(() => ID, { nullable: true, description: '就业大篷车的编号（kind 为 CARAVAN 时必填）' })
  @IsOptional()
  @IsUUID('all', UUID)
  caravanId?: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String)
  @IsString()
  @Length(2, 200, { message: '举办地点应为 2 到 200 个字' })
  venue: string;

  @Field(() => String, { description: '举办地的区划代码' })
  @IsString()
  regionCode: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: '纬度应为数字' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: '经度应为数字' })
  longitude?: number;

  @Field(() => String)
  @IsString()
  @Length(2, 100, { message: '主办单位应为 2 到 100 个字' })
  organiser: string;
}

@InputType('BookFairBoothInput')
export class BookFairBoothInput {
  @Field(() => ID)
  @IsUUID('all', UUID)
  fairId: string;

  @Field(() => ID)
  @IsUUID('all', UUID)
  employerId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 20, { message: '展位号最多 20 个字符' })
  boothNumber?: string;

  @Field(() => Int, { nullable: true, description: '申报的岗位数；逐条录入岗位的可不填' })
  @IsOptional()
  @IsInt({ message: '岗位数应为整数' })
  @Min(0, { message: '岗位数不能为负数' })
  @Max(100000, { message: '岗位数最多 100000' })
  declaredPosts?: number;
}

@ArgsType()
export class GigStationsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '只看此区划（含下级）内的' })
  regionCode?: string;

  @Field(() => GigStationLevel, { nullable: true })
  level?: GigStationLevel;
}

@ArgsType()
export class WorkshopsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  employerId?: string;
}

@ArgsType()
export class JobFairsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  caravanId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true：只看尚未结束的' })
  upcoming?: boolean;
}
