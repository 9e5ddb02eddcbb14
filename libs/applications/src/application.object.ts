import { Field, ID, ObjectType } from '@nestjs/graphql';

import { ApplicationStatus } from './application.enums';

@ObjectType('ApplicationEvent', { description: '报名状态的一次变化' })
export class ApplicationEventObject {
  @Field(() => ApplicationStatus, { nullable: true })
  from: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  to: ApplicationStatus;

  @Field(() => ID, { nullable: true, description: '操作人的账号' })
  actorAccountId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Date)
  at: Date;
}

@ObjectType('Application', { description: '报名：一个求职者对一个岗位' })
export class ApplicationObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobId: string;

  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => String)
  message: string;

  @Field(() => Boolean, { description: '工作人员代为报名' })
  appliedByStaff: boolean;

  @Field(() => String, { nullable: true })
  consentNote: string | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => Date)
  createdAt: Date;

  /** Resolved by ApplicationsResolver: the same rule as jobSeeker.name. */
  applicantName: string;

  phoneNotice: string | null;

  @Field(() => [ApplicationEventObject], { description: '状态变化记录，最早的在前' })
  history: ApplicationEventObject[];
}
