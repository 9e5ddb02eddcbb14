import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { PlacementSource } from '../placement.enums';

@InputType('RecordPlacementInput', { description: '登记务工：工作人员登记在平台外找到的工作（如外出广东务工）' })
export class RecordPlacementInput {
  @Field(() => ID, { description: '求职者 id' })
  @IsUUID('all', { message: '求职者 id 格式不正确' })
  jobSeekerId: string;

  @Field(() => PlacementSource, { defaultValue: PlacementSource.SELF_FOUND, description: '来源：自主务工、返岗直通车输出、公益性岗位或帮扶车间' })
  @IsEnum(PlacementSource, { message: '务工来源取值不正确' })
  source: PlacementSource;

  @Field(() => String, { description: '工作地的行政区划代码（省 2 位、市 4 位、县 6 位、乡镇 9 位或村 12 位），决定县内/区内县外/区外' })
  @IsString({ message: '请填写工作地区划代码' })
  workplaceRegionCode: string;

  @Field(() => String, { nullable: true, description: '工作单位或地点，例如“东莞市某电子厂”' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: '工作单位应为 1 到 100 个字' })
  workplaceName?: string | null;

  @Field(() => ID, { nullable: true, description: '平台上登记过的用人单位 id（若有）' })
  @IsOptional()
  @IsUUID('all', { message: '用人单位 id 格式不正确' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: '就业帮扶车间 id；来源为帮扶车间时必填' })
  @IsOptional()
  @IsUUID('all', { message: '帮扶车间 id 格式不正确' })
  workshopId?: string | null;

  @Field(() => String, { description: '开始务工日期 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '开始日期应为 YYYY-MM-DD 格式' })
  startDate: string;

  @Field(() => String, { nullable: true, description: '结束日期 YYYY-MM-DD；仍在务工时留空' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '结束日期应为 YYYY-MM-DD 格式' })
  endDate?: string | null;

  @Field(() => Int, { nullable: true, description: '月收入（元）' })
  @IsOptional()
  @IsInt({ message: '月收入应为整数（元）' })
  @Min(0, { message: '月收入不能为负数' })
  @Max(200000, { message: '月收入最多 200000 元' })
  monthlyIncome?: number | null;
}
