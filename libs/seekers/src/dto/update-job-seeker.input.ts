import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

import { RegisterJobSeekerInput } from './register-job-seeker.input';

@InputType('UpdateJobSeekerInput', { description: '修改求职登记：只改给出的字段。身份证号不能改（登错请联系工作人员重新登记）' })
export class UpdateJobSeekerInput extends PartialType(OmitType(RegisterJobSeekerInput, ['idNumber'] as const, InputType), InputType) {
  @Field(() => ID)
  @IsUUID('all', { message: '求职登记 id 格式不正确' })
  id: string;
}
