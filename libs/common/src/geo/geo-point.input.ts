import { Field, Float, InputType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

import type { GeoPoint } from './geo-point';

@InputType('GeoPointInput', { description: '位置（GCJ-02 坐标，与国内地图一致）' })
export class GeoPointInput implements GeoPoint {
  @Field(() => Float)
  @Min(-90, { message: '纬度应在 -90 到 90 之间' })
  @Max(90, { message: '纬度应在 -90 到 90 之间' })
  lat: number;

  @Field(() => Float)
  @Min(-180, { message: '经度应在 -180 到 180 之间' })
  @Max(180, { message: '经度应在 -180 到 180 之间' })
  lng: number;
}
