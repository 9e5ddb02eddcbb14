import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** What a fair's organiser may correct before it ends: its name, times, venue, coordinates and organiser (not its kind, place or caravan). */
@InputType('UpdateJobFairInput')
export class UpdateJobFairInput {
  @Field(() => ID)
  @IsUUID('all', { message: '编号格式不正确' })
  fairId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: '名称应为 2 到 100 个字' })
  name?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200, { message: '举办地点应为 2 到 200 个字' })
  venue?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: '纬度应为数字' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: '经度应为数字' })
  longitude?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: '主办单位应为 2 到 100 个字' })
  organiser?: string;
}

@ArgsType()
export class JobCaravansArgs {
  @Field(() => String, { description: '县的 6 位区划代码' })
  @IsString()
  countyCode: string;
}
