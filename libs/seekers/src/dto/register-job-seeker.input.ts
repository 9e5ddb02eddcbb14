import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

import { EducationLevel, EmploymentStatus, LaborCapacity, WantedWageUnit } from '../job-seeker.enums';

const ITEMS = 20;

@InputType('RegisterJobSeekerInput', { description: '求职登记：本人扫码登记，或工作人员在求职登记区代为登记' })
export class RegisterJobSeekerInput {
  @Field(() => String)
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => String, { description: '18 位居民身份证号；出生日期和性别由它得出，不必另填' })
  @IsString({ message: '请填写身份证号' })
  idNumber: string;

  @Field(() => String, { description: '手机号' })
  @IsString({ message: '请填写手机号' })
  phone: string;

  @Field(() => String, { description: '户籍所在村的 12 位区划代码' })
  @IsString({ message: '请选择户籍所在村' })
  regionCode: string;

  @Field(() => [String], { nullable: true, description: '帮扶人员类别代码，见 supportGroups 查询' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(ITEMS, { message: `人员类别最多 ${ITEMS} 个` })
  supportGroupCodes?: string[];

  @Field(() => LaborCapacity)
  @IsEnum(LaborCapacity, { message: '劳动能力应为 FULL（有）、WEAK（弱）或 NONE（无）' })
  laborCapacity: LaborCapacity;

  @Field(() => EducationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(EducationLevel, { message: '文化程度不在可选范围内' })
  education?: EducationLevel | null;

  @Field(() => [String], { nullable: true, description: '技能，例如 电焊、缝纫' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 30, { each: true, message: '每项技能应为 1 到 30 个字' })
  @ArrayMaxSize(ITEMS, { message: `技能最多填 ${ITEMS} 项` })
  skills?: string[];

  @Field(() => [String], { nullable: true, description: '求职意向（工种），例如 普工、保洁' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 30, { each: true, message: '每项求职意向应为 1 到 30 个字' })
  @ArrayMaxSize(ITEMS, { message: `求职意向最多填 ${ITEMS} 项` })
  wantedOccupations?: string[];

  @Field(() => Int, { nullable: true, description: '期望薪资（元）' })
  @IsOptional()
  @IsInt({ message: '期望薪资应为整数（元）' })
  @Min(1, { message: '期望薪资应大于 0 元' })
  @Max(1_000_000, { message: '期望薪资不能超过 1000000 元' })
  wantedWage?: number | null;

  @Field(() => WantedWageUnit, { nullable: true, description: '期望薪资的单位：MONTH 月、DAY 天、HOUR 小时、PIECE 件' })
  @IsOptional()
  @IsEnum(WantedWageUnit, { message: '薪资单位应为 MONTH、DAY、HOUR 或 PIECE' })
  wantedWageUnit?: WantedWageUnit | null;

  @Field(() => Boolean, { nullable: true, description: '愿意到县外务工' })
  @IsOptional()
  @IsBoolean()
  willingOutsideCounty?: boolean;

  @Field(() => Boolean, { nullable: true, description: '愿意到区外（省外）务工' })
  @IsOptional()
  @IsBoolean()
  willingOutsideProvince?: boolean;

  @Field(() => Boolean, { nullable: true, description: '需就近就业（照顾老人、小孩）' })
  @IsOptional()
  @IsBoolean()
  mustStayNearHome?: boolean;

  @Field(() => String, { nullable: true, description: '可上岗日期 YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '可上岗日期应写成 YYYY-MM-DD，例如 2026-12-01' })
  availableFrom?: string | null;

  @Field(() => [String], { nullable: true, description: '点单式培训：想参加的培训，例如 家政、电商' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 30, { each: true, message: '每项培训意愿应为 1 到 30 个字' })
  @ArrayMaxSize(ITEMS, { message: `培训意愿最多填 ${ITEMS} 项` })
  trainingWanted?: string[];

  @Field(() => Boolean, { description: '同意把求职信息推荐给用人单位' })
  @IsBoolean({ message: '请选择是否同意被推荐给用人单位' })
  consentToRecommend: boolean;

  @Field(() => EmploymentStatus, { nullable: true, description: '就业状态：仅工作人员可填，默认 UNKNOWN' })
  @IsOptional()
  @IsEnum(EmploymentStatus, { message: '就业状态应为 UNKNOWN、EMPLOYED 或 UNEMPLOYED' })
  employmentStatus?: EmploymentStatus;
}
