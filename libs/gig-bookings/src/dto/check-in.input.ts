import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType('CheckInInput', {
  description: '到岗签到：求职者扫零工驿站的码（token 为驿站码）；工作人员或用人单位扫求职者的个人码（token 为个人码）并填写所在驿站 stationId',
})
export class CheckInInput {
  @Field(() => String, { description: '扫到的就业服务码（二维码网址最后一段）' })
  @IsString()
  @Length(8, 40, { message: '服务码格式不正确，请重新扫码' })
  token: string;

  @Field(() => ID, { nullable: true, description: '扫求职者个人码时必填：您所在的零工驿站' })
  @IsOptional()
  @IsUUID('all', { message: '零工驿站编号格式不正确' })
  stationId?: string;
}
