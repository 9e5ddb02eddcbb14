import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { RegionObject } from '@jobcode/regions';

import { GigStationLevel } from './gig-station.entity';
import { JobFairKind } from './job-fair.entity';
import { WorkshopStatus } from './workshop.entity';

registerEnumType(GigStationLevel, {
  name: 'GigStationLevel',
  valuesMap: { COUNTY: { description: '县级零工市场' }, TOWNSHIP: { description: '乡镇零工中心' }, VILLAGE: { description: '村级零工驿站' } },
});
registerEnumType(WorkshopStatus, {
  name: 'WorkshopStatus',
  valuesMap: { PENDING: { description: '待认定' }, CERTIFIED: { description: '已认定' }, REVOKED: { description: '已撤销认定' } },
});
registerEnumType(JobFairKind, {
  name: 'JobFairKind',
  valuesMap: { ORDINARY: { description: '招聘会' }, SPRING_CAMPAIGN: { description: '春风行动' }, CARAVAN: { description: '就业大篷车的一站' } },
});

const LAT = 'GCJ-02 纬度（度），即高德、腾讯地图给出的坐标';
const LNG = 'GCJ-02 经度（度），即高德、腾讯地图给出的坐标';

@ObjectType('GigStation', { description: '零工市场 / 零工中心 / 零工驿站' })
export class GigStationObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => GigStationLevel)
  level: GigStationLevel;

  @Field(() => RegionObject)
  region: RegionObject;

  @Field(() => String)
  address: string;

  @Field(() => Float, { description: LAT })
  latitude: number;

  @Field(() => Float, { description: LNG })
  longitude: number;

  @Field(() => String, { description: '开放时间，例如 每天 7:00–18:00' })
  openingHours: string;
}

@ObjectType('Workshop', { description: '就业帮扶车间' })
export class WorkshopObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  /** Resolved through the employer DataLoader. */
  employerId: string;

  @Field(() => RegionObject)
  region: RegionObject;

  @Field(() => String)
  address: string;

  @Field(() => Float, { description: LAT })
  latitude: number;

  @Field(() => Float, { description: LNG })
  longitude: number;

  @Field(() => Int, { description: '在岗人数' })
  headcount: number;

  @Field(() => WorkshopStatus)
  status: WorkshopStatus;

  @Field(() => String, { nullable: true, description: '认定日期 YYYY-MM-DD' })
  certifiedOn: string | null;

  @Field(() => String, { nullable: true, description: '撤销认定的原因' })
  revocationReason: string | null;

  @Field(() => String, { nullable: true, description: '撤销认定日期 YYYY-MM-DD' })
  revokedOn: string | null;
}

@ObjectType('JobCaravan', { description: '就业大篷车：在各乡镇巡回的一系列招聘会' })
export class JobCaravanObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => RegionObject, { description: '巡回的县' })
  county: RegionObject;

  @Field(() => String)
  organiser: string;
}

@ObjectType('JobFair', { description: '招聘会（含春风行动、就业大篷车的各站）' })
export class JobFairObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => JobFairKind)
  kind: JobFairKind;

  caravanId: string | null;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String, { description: '举办地点' })
  venue: string;

  @Field(() => RegionObject)
  region: RegionObject;

  @Field(() => Float, { nullable: true, description: LAT })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: LNG })
  longitude: number | null;

  @Field(() => String, { description: '主办单位' })
  organiser: string;
}

@ObjectType('FairBooth', { description: '招聘会上一个用人单位的展位' })
export class FairBoothObject {
  @Field(() => ID)
  id: string;

  fairId: string;
  employerId: string;

  @Field(() => String, { nullable: true, description: '展位号' })
  boothNumber: string | null;

  @Field(() => Int, { nullable: true, description: '单位申报的岗位数（未逐条录入岗位时）' })
  declaredPosts: number | null;
}
