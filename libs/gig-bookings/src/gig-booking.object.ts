import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { GigBookingStatus, GigParty } from './gig-booking.enums';

@ObjectType('GigRating', { description: '零工评价（双方都评价后或完工 7 天后公开）' })
export class GigRatingObject {
  @Field(() => GigParty, { description: 'SEEKER：求职者对用人单位的评价；EMPLOYER：用人单位对求职者的评价' })
  byParty: GigParty;

  @Field(() => Int, { description: '1 到 5 分' })
  score: number;

  @Field(() => String)
  comment: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('GigBooking', { description: '零工预约：求职者 × 班次' })
export class GigBookingObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shiftId: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => ID)
  seekerId: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;

  @Field(() => ID, { nullable: true, description: '签到的零工驿站' })
  stationId: string | null;

  @Field(() => String, { description: '班次日期 YYYY-MM-DD' })
  shiftDate: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => GigBookingStatus)
  status: GigBookingStatus;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Float, { nullable: true, description: '实际工时（小时）' })
  hoursWorked: number | null;

  @Field(() => Int, { nullable: true, description: '完成件数' })
  piecesDone: number | null;

  @Field(() => Float, { nullable: true, description: '应付工钱（元）' })
  pay: number | null;

  @Field(() => Float, { nullable: true, description: '用人单位确认已付的金额' })
  employerPaidAmount: number | null;

  @Field(() => Date, { nullable: true })
  employerPaidAt: Date | null;

  @Field(() => Float, { nullable: true, description: '求职者确认已收到的金额' })
  seekerPaidAmount: number | null;

  @Field(() => Date, { nullable: true })
  seekerPaidAt: Date | null;

  @Field(() => Boolean, { description: '双方确认的金额不一致，待工作人员处理' })
  paymentDisputed: boolean;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => GigParty, { nullable: true })
  cancelledBy: GigParty | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  /** Kept for the ratings field: the publish rule needs it. */
  completedAtForRatings: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('GigBookingConnection')
export class GigBookingConnection extends Connection(GigBookingObject, 'GigBooking') {}

@ObjectType('EmployerGigReputation', { description: '用人单位的零工口碑（求职者可见）' })
export class EmployerGigReputationObject {
  @Field(() => ID)
  employerId: string;

  @Field(() => Float, { nullable: true, description: '求职者给出的平均分（仅公开的评价），无评价时为空' })
  averageScore: number | null;

  @Field(() => Int, { description: '公开的评价条数' })
  ratingCount: number;

  @Field(() => Int, { description: '已完工的零工人次' })
  completedGigs: number;

  @Field(() => Float, {
    nullable: true,
    description: '爽约率：已开工日期的预约中，被用人单位取消（含取消班次）的比例；无预约时为空',
  })
  noShowRate: number | null;
}

@ObjectType('SeekerGigReliability', { description: '求职者的零工信用（本人、辖区工作人员和曾预约过他的用人单位可见）' })
export class SeekerGigReliabilityObject {
  @Field(() => ID)
  seekerId: string;

  @Field(() => Float, { nullable: true, description: '用人单位给出的平均分（仅公开的评价）' })
  averageScore: number | null;

  @Field(() => Int)
  ratingCount: number;

  @Field(() => Int, { description: '已完工的零工人次' })
  completedGigs: number;

  @Field(() => Int, { description: '未到岗次数' })
  noShows: number;

  @Field(() => Float, { nullable: true, description: '到岗率：完工（含已签到）÷（完工 + 未到岗）；无记录时为空' })
  reliability: number | null;
}
