import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { EducationLevel, EmploymentStatus, LaborCapacity, RegistrationChannel, WantedWageUnit } from './job-seeker.enums';

@ObjectType('JobSeeker', { description: '求职登记。身份证号、手机号默认打码显示' })
export class JobSeekerObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '出生日期（由身份证号得出）' })
  birthDate: string;

  @Field(() => String, { description: '性别 MALE / FEMALE（由身份证号得出）' })
  sex: string;

  @Field(() => String, { description: '户籍所在村的区划代码' })
  regionCode: string;

  @Field(() => LaborCapacity)
  laborCapacity: LaborCapacity;

  @Field(() => EducationLevel, { nullable: true })
  education: EducationLevel | null;

  @Field(() => [String])
  skills: string[];

  @Field(() => [String], { description: '求职意向（工种）' })
  wantedOccupations: string[];

  @Field(() => Int, { nullable: true, description: '期望薪资（元）' })
  wantedWage: number | null;

  @Field(() => WantedWageUnit, { nullable: true })
  wantedWageUnit: WantedWageUnit | null;

  @Field(() => Boolean, { description: '愿意到县外务工' })
  willingOutsideCounty: boolean;

  @Field(() => Boolean, { description: '愿意到区外（省外）务工' })
  willingOutsideProvince: boolean;

  @Field(() => Boolean, { description: '需就近就业（照顾老人、小孩）' })
  mustStayNearHome: boolean;

  @Field(() => String, { nullable: true, description: '可上岗日期 YYYY-MM-DD' })
  availableFrom: string | null;

  @Field(() => [String], { description: '点单式培训：想参加的培训' })
  trainingWanted: string[];

  @Field(() => Boolean, { description: '同意被推荐给用人单位' })
  consentToRecommend: boolean;

  @Field(() => EmploymentStatus)
  employmentStatus: EmploymentStatus;

  @Field(() => RegistrationChannel)
  channel: RegistrationChannel;

  @Field(() => Boolean, { description: '已与求职者本人账号绑定' })
  claimed: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  /** Not in the API: the sealed values, opened only by the field resolvers for entitled viewers. */
  idNumberEncrypted: string;
  phoneEncrypted: string;
  accountId: string | null;
}

@ObjectType('JobSeekerConnection')
export class JobSeekerConnection extends Connection(JobSeekerObject, 'JobSeeker') {}
