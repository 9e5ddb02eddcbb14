import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsUUID } from 'class-validator';

@InputType('EndPlacementInput', { description: '结束务工：登记最后工作日' })
export class EndPlacementInput {
  @Field(() => ID)
  @IsUUID('all', { message: '务工记录 id 格式不正确' })
  placementId: string;

  @Field(() => String, { description: '最后工作日 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '结束日期应为 YYYY-MM-DD 格式' })
  endDate: string;
}
