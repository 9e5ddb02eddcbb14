import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

import { PlaceInput } from '@jobcode/job-sources';

import { JobKind, WageUnit } from '../job.enums';

import { IsCalendarDate } from '@jobcode/common';

@InputType('JobBenefitsInput')
export class JobBenefitsInput {
  @Field(() => Boolean, { defaultValue: false, description: '包吃' })
  @IsBoolean()
  board: boolean;

  @Field(() => Boolean, { defaultValue: false, description: '包住' })
  @IsBoolean()
  lodging: boolean;

  @Field(() => Boolean, { defaultValue: false, description: '交通（接送或补贴）' })
  @IsBoolean()
  transport: boolean;

  @Field(() => Boolean, { defaultValue: false, description: '缴纳社会保险' })
  @IsBoolean()
  socialInsurance: boolean;
}

/** The editable content of a job advert (shared by postJob and updateJob). */
@InputType('JobContentInput', { isAbstract: true })
export class JobContentInput extends PlaceInput {
  @Field(() => String)
  @IsString()
  @Length(2, 60, { message: '岗位名称应为 2 到 60 个字' })
  title: string;

  @Field(() => String, { description: '工种，例如 缝纫工、采摘工' })
  @IsString()
  @Length(1, 60, { message: '工种应为 1 到 60 个字' })
  occupation: string;

  @Field(() => String, { nullable: true, description: '职业分类代码（GB/T 6565），例如 6-05-01-01' })
  @IsOptional()
  @Matches(/^\d-\d{2}(-\d{2}){0,2}$/, { message: '职业分类代码格式应如 6-05-01-01（大类-中类-小类-细类）' })
  occupationCode?: string | null;

  @Field(() => String)
  @IsString()
  @Length(5, 5000, { message: '岗位描述应为 5 到 5000 个字' })
  description: string;

  @Field(() => Int, { description: '工资下限（元，整数）' })
  @IsInt({ message: '工资下限应为整数元' })
  @Min(1, { message: '工资下限应大于 0' })
  @Max(1000000, { message: '工资下限过大' })
  wageMin: number;

  @Field(() => Int, { description: '工资上限（元，整数），不低于下限' })
  @IsInt({ message: '工资上限应为整数元' })
  @Min(1, { message: '工资上限应大于 0' })
  @Max(1000000, { message: '工资上限过大' })
  wageMax: number;

  @Field(() => WageUnit)
  @IsEnum(WageUnit, { message: '工资单位只能是 MONTH、DAY、HOUR 或 PIECE' })
  wageUnit: WageUnit;

  @Field(() => Int, { description: '招聘人数' })
  @IsInt({ message: '招聘人数应为整数' })
  @Min(1, { message: '招聘人数至少 1 人' })
  @Max(10000, { message: '招聘人数最多 10000 人' })
  headcount: number;

  @Field(() => String, { description: '工作地点所在的区划代码（乡镇或村）' })
  @IsString()
  regionCode: string;

  @Field(() => String, { description: '工作时间，例如 8:00–12:00，14:00–18:00' })
  @IsString()
  @Length(2, 100, { message: '工作时间应为 2 到 100 个字' })
  workingHours: string;

  @Field(() => JobBenefitsInput, { nullable: true })
  @IsOptional()
  benefits?: JobBenefitsInput;

  @Field(() => String, { nullable: true, description: '任职要求（不得含性别、民族、户籍等歧视性条件）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '任职要求最多 2000 个字' })
  requirements?: string;

  @Field(() => String, { nullable: true, description: '合同期限，例如 一年、长期' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '合同期限最多 50 个字' })
  contractTerm?: string;

  @Field(() => String, { description: '有效期起 YYYY-MM-DD' })
  @IsCalendarDate({ message: '有效期起应为 YYYY-MM-DD，例如 2026-03-01' })
  validFrom: string;

  @Field(() => String, { description: '有效期止 YYYY-MM-DD，最长一年' })
  @IsCalendarDate({ message: '有效期止应为 YYYY-MM-DD，例如 2026-06-30' })
  validTo: string;
}

@InputType('PostJobInput')
export class PostJobInput extends JobContentInput {
  @Field(() => ID, { nullable: true, description: '发布岗位的用人单位；公益性岗位不填（由人社局发布）' })
  @IsOptional()
  @IsUUID('all', { message: '用人单位编号格式不正确' })
  employerId?: string;

  @Field(() => JobKind)
  @IsEnum(JobKind, { message: '岗位类型只能是 FULL_TIME、PART_TIME、GIG、HOME_BASED 或 PUBLIC_WELFARE' })
  kind: JobKind;

  @Field(() => ID, { nullable: true, description: '来源：零工站点（三者至多填一个）' })
  @IsOptional()
  @IsUUID('all', { message: '零工站点编号格式不正确' })
  stationId?: string;

  @Field(() => ID, { nullable: true, description: '来源：就业帮扶车间（须为本单位已认定的车间）' })
  @IsOptional()
  @IsUUID('all', { message: '车间编号格式不正确' })
  workshopId?: string;

  @Field(() => ID, { nullable: true, description: '来源：招聘会（本单位须已订展位）' })
  @IsOptional()
  @IsUUID('all', { message: '招聘会编号格式不正确' })
  fairId?: string;

  @Field(() => Boolean, { defaultValue: false, description: 'true：保存后立即发布（OPEN）；否则存为草稿' })
  @IsBoolean()
  publish: boolean;
}

@InputType('UpdateJobInput')
export class UpdateJobInput extends JobContentInput {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;
}
