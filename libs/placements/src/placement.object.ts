import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { Destination, PlacementSource } from './placement.enums';

@ObjectType('Placement', { description: '务工记录：某人的一段工作' })
export class PlacementObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  jobSeekerId: string;

  @Field(() => String, { description: '户籍所在村区划代码' })
  homeRegionCode: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;

  @Field(() => ID, { nullable: true })
  jobId: string | null;

  @Field(() => ID, { nullable: true, description: '就业帮扶车间 id（在车间务工时）' })
  workshopId: string | null;

  @Field(() => String, { nullable: true })
  workplaceName: string | null;

  @Field(() => String)
  workplaceRegionCode: string;

  @Field(() => Destination)
  destination: Destination;

  @Field(() => PlacementSource)
  source: PlacementSource;

  @Field(() => String)
  startDate: string;

  @Field(() => String, { nullable: true })
  endDate: string | null;

  @Field(() => Int, { nullable: true, description: '月收入（元）' })
  monthlyIncome: number | null;

  @Field(() => Boolean, { description: '今天是否在岗（已开始且未结束）' })
  current: boolean;
}

@ObjectType('PlacementConnection')
export class PlacementConnection extends Connection(PlacementObject, 'Placement') {}
