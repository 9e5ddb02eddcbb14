import { Field, Int, ObjectType } from '@nestjs/graphql';

import { JobObject } from '@jobcode/jobs';

@ObjectType('MatchReason', { description: '推荐理由' })
export class MatchReasonObject {
  @Field(() => String, { description: '理由代码（与 matching.weights 的键相同）' })
  code: string;

  @Field(() => String)
  text: string;

  @Field(() => Int, { description: '此项加分' })
  points: number;
}

@ObjectType('RecommendedJob')
export class RecommendedJobObject {
  @Field(() => JobObject)
  job: JobObject;

  @Field(() => Int, { description: '匹配得分（各理由加分之和）' })
  score: number;

  @Field(() => [MatchReasonObject])
  reasons: MatchReasonObject[];
}

@ObjectType('RecommendedSeeker', { description: '推荐的求职者：用人单位只看到打码的姓名，看不到身份证号和电话' })
export class RecommendedSeekerObject {
  @Field(() => String)
  seekerId: string;

  @Field(() => String, { description: '姓名；用人单位看到的是打码后的（如 黄**）' })
  name: string;

  @Field(() => String, { description: '所在村（社区）' })
  regionName: string;

  @Field(() => Int)
  score: number;

  @Field(() => [MatchReasonObject])
  reasons: MatchReasonObject[];
}
