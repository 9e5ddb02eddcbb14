import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@InputType('BookShiftInput', { description: '预约零工班次：求职者为自己预约，工作人员可代求职者预约' })
export class BookShiftInput {
  @Field(() => ID)
  @IsUUID('all', { message: '班次编号格式不正确' })
  shiftId: string;

  @Field(() => ID, { nullable: true, description: '工作人员代预约时填写求职者编号；求职者本人不填' })
  @IsOptional()
  @IsUUID('all', { message: '求职者编号格式不正确' })
  seekerId?: string;
}
