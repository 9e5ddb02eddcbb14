import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';
import { RegionObject } from '@jobcode/regions';

import { JobKind, JobShiftStatus, JobStatus, WageUnit } from './job.enums';

@ObjectType('JobBenefits', { description: '福利待遇' })
export class JobBenefitsObject {
  @Field(() => Boolean, { description: '包吃' })
  board: boolean;

  @Field(() => Boolean, { description: '包住' })
  lodging: boolean;

  @Field(() => Boolean, { description: '交通（接送或补贴）' })
  transport: boolean;

  @Field(() => Boolean, { description: '缴纳社会保险' })
  socialInsurance: boolean;
}

@ObjectType('Job', { description: '招聘岗位' })
export class JobObject {
  @Field(() => ID)
  id: string;

  /** Resolved through the employer DataLoader; null for public-welfare posts. */
  employerId: string | null;
  stationId: string | null;
  workshopId: string | null;
  fairId: string | null;
  regionCode: string;
  /** Kept for the `flags` field, which only staff see. */
  screeningFlags: string[];

  @Field(() => String)
  title: string;

  @Field(() => String, { description: '工种（自由填写）' })
  occupation: string;

  @Field(() => String, { nullable: true, description: '职业分类代码（GB/T 6565，例如 6-05-01-01）' })
  occupationCode: string | null;

  @Field(() => String)
  description: string;

  @Field(() => JobKind)
  kind: JobKind;

  @Field(() => Int, { description: '工资下限（元）' })
  wageMin: number;

  @Field(() => Int, { description: '工资上限（元）' })
  wageMax: number;

  @Field(() => WageUnit)
  wageUnit: WageUnit;

  @Field(() => Int, { nullable: true, description: '折合月薪下限（元/天 ×22，元/小时 ×8×22）；计件为空' })
  monthlyWageMin: number | null;

  @Field(() => Int, { nullable: true, description: '折合月薪上限；计件为空' })
  monthlyWageMax: number | null;

  @Field(() => Int, { description: '招聘人数' })
  headcount: number;

  @Field(() => RegionObject)
  region: RegionObject;

  @Field(() => String)
  address: string;

  @Field(() => Float, { description: 'GCJ-02 纬度（度），即高德、腾讯地图给出的坐标' })
  latitude: number;

  @Field(() => Float, { description: 'GCJ-02 经度（度），即高德、腾讯地图给出的坐标' })
  longitude: number;

  @Field(() => String, { description: '工作时间，例如 8:00–12:00，14:00–18:00' })
  workingHours: string;

  @Field(() => JobBenefitsObject)
  benefits: JobBenefitsObject;

  @Field(() => String, { description: '任职要求' })
  requirements: string;

  @Field(() => String, { description: '合同期限，例如 一年' })
  contractTerm: string;

  @Field(() => String, { description: '有效期起 YYYY-MM-DD' })
  validFrom: string;

  @Field(() => String, { description: '有效期止 YYYY-MM-DD；过期后自动变为 EXPIRED' })
  validTo: string;

  @Field(() => JobStatus, { description: '状态；超过有效期的不会显示为 OPEN' })
  status: JobStatus;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('JobConnection')
export class JobConnection extends Connection(JobObject, 'Job') {}

@ObjectType('JobShift', { description: '零工班次' })
export class JobShiftObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => String, { description: '日期 YYYY-MM-DD' })
  date: string;

  @Field(() => String, { description: '开始时间 HH:MM' })
  startTime: string;

  @Field(() => String, { description: '结束时间 HH:MM' })
  endTime: string;

  @Field(() => Int, { description: '名额' })
  slots: number;

  @Field(() => Int, { description: '已预约人数（未取消的预约）' })
  bookedCount: number;

  @Field(() => Int, { description: '剩余名额' })
  slotsLeft: number;

  @Field(() => Int, { nullable: true, description: '日薪（元）；计件的班次为空' })
  dayPay: number | null;

  @Field(() => Float, { nullable: true, description: '计件单价（元/件）；日结的班次为空' })
  pieceRate: number | null;

  @Field(() => ID, { nullable: true, description: '集合的零工驿站，签到时扫该站的码' })
  meetingStationId: string | null;

  @Field(() => String, { description: '集合地点说明' })
  meetingPoint: string;

  @Field(() => Boolean, { description: '即时快招：预约后自动确认' })
  instantHiring: boolean;

  @Field(() => JobShiftStatus)
  status: JobShiftStatus;

  @Field(() => String, { nullable: true, description: '取消原因' })
  cancelReason: string | null;
}

@ObjectType('GigBoardEntry', { description: '零工驿站看板上的一个班次' })
export class GigBoardEntryObject {
  @Field(() => JobObject)
  job: JobObject;

  @Field(() => JobShiftObject)
  shift: JobShiftObject;
}

@ObjectType('JobFairTotals', { description: '招聘会汇总：参会单位数和岗位数' })
export class JobFairTotalsObject {
  @Field(() => Int, { description: '参会单位数（展位数）' })
  employers: number;

  @Field(() => Int, { description: '岗位数：每个单位取其已发布岗位的招聘人数与申报岗位数中较大者，再加上未订展位的岗位' })
  posts: number;

  @Field(() => Int, { description: '已发布的岗位条数' })
  jobs: number;
}
