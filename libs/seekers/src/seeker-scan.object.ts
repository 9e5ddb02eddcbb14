import { Field, ObjectType } from '@nestjs/graphql';

import { JobSeekerObject } from './job-seeker.object';

@ObjectType('SeekerScan', { description: '扫求职者个人码（仅工作人员和用人单位）' })
export class SeekerScan {
  @Field(() => String, { description: '姓名；用人单位看到的是 黄**' })
  displayName: string;

  @Field(() => JobSeekerObject, { nullable: true, description: '完整档案：仅管辖区域内的工作人员' })
  seeker: JobSeekerObject | null;

  @Field(() => [String], { description: '技能' })
  skills: string[];

  @Field(() => [String], { description: '求职意向' })
  wantedOccupations: string[];

  @Field(() => Boolean, { description: '本次扫码已登记为该招聘会的到场求职者' })
  attendanceRecorded: boolean;
}
