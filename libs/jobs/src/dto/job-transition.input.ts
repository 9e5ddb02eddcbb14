import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType('JobTransitionInput', { description: '改变岗位状态（发布、暂停、恢复、招满、关闭）' })
export class JobTransitionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;
}
