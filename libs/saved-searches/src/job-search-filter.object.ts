import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SavedJobSearchFilter', { description: '保存的筛选条件' })
export class JobSearchFilterObject {
  @Field(() => String, { nullable: true })
  regionCode?: string;

  @Field(() => [String], { nullable: true })
  kinds?: string[];

  @Field(() => Int, { nullable: true })
  minMonthlyWage?: number;

  @Field(() => [String], { nullable: true })
  benefits?: string[];

  @Field(() => [String], { nullable: true })
  sourceKinds?: string[];

  @Field(() => Float, { nullable: true })
  withinKm?: number;
}
