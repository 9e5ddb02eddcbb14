import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber, IsString, Length } from 'class-validator';

/**
 * Where a person goes: the address and GCJ-02 point of a station, a workshop or a job's
 * workplace (the range is checked by `parseGeoPoint`, which also catches swapped coordinates).
 */
@InputType({ isAbstract: true })
export abstract class PlaceInput {
  @Field(() => String)
  @IsString()
  @Length(2, 200, { message: '地址应为 2 到 200 个字' })
  address: string;

  @Field(() => Float, { description: 'GCJ-02 纬度' })
  @IsNumber({}, { message: '纬度应为数字' })
  latitude: number;

  @Field(() => Float, { description: 'GCJ-02 经度' })
  @IsNumber({}, { message: '经度应为数字' })
  longitude: number;
}
