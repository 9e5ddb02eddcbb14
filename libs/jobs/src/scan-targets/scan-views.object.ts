import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

import { GigStationObject, JobFairObject, WorkshopObject } from '@jobcode/job-sources';

import { GigBoardEntryObject, JobObject } from '../job.object';

@ObjectType('ScannedJob', { description: '扫码看到的一个在招岗位' })
export class ScannedJob {
  @Field(() => JobObject)
  job: JobObject;

  @Field(() => Float, { nullable: true, description: '与扫码位置（或站点）的距离，公里' })
  distanceKm: number | null;
}

@ObjectType('GigStationScan', { description: '扫零工驿站的码：站点和它的在招岗位（由近到远）' })
export class GigStationScan {
  @Field(() => GigStationObject)
  station: GigStationObject;

  @Field(() => [ScannedJob], { description: '前 20 个在招岗位，由近到远' })
  jobs: ScannedJob[];

  @Field(() => Int)
  openJobCount: number;

  @Field(() => [GigBoardEntryObject], { description: '零工看板：今天和明天在本站集合的班次及剩余名额（实时，不缓存）' })
  board: GigBoardEntryObject[];
}

@ObjectType('WorkshopScan', { description: '扫就业帮扶车间的码：车间和它的在招岗位' })
export class WorkshopScan {
  @Field(() => WorkshopObject)
  workshop: WorkshopObject;

  @Field(() => [ScannedJob])
  jobs: ScannedJob[];

  @Field(() => Int)
  openJobCount: number;
}

@ObjectType('JobFairScan', { description: '扫招聘会的码：参会单位、展位和岗位' })
export class JobFairScan {
  @Field(() => JobFairObject)
  fair: JobFairObject;

  /** Booth employers' names, for the no-JavaScript page (GraphQL clients use fair.booths). */
  boothEmployers: string[];

  @Field(() => [ScannedJob])
  jobs: ScannedJob[];

  @Field(() => Int)
  openJobCount: number;
}

@ObjectType('JobScan', { description: '扫岗位的码' })
export class JobScan {
  @Field(() => JobObject)
  job: JobObject;
}
