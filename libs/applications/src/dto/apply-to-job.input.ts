import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

@InputType('ApplyToJobInput')
export class ApplyToJobInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'jobId 应为岗位编号' })
  jobId: string;

  @Field(() => ID, { nullable: true, description: '工作人员代为报名时填写求职者编号；求职者本人报名不填' })
  @IsOptional()
  @IsUUID('all', { message: 'jobSeekerId 应为求职者编号' })
  jobSeekerId?: string;

  @Field(() => String, { nullable: true, description: '工作人员代为报名时必填：本人如何同意的（如“本人到场口头同意”）' })
  @IsOptional()
  @MaxLength(200, { message: '同意情况说明最多 200 字' })
  consentNote?: string;

  @Field(() => String, { nullable: true, description: '给用人单位的留言' })
  @IsOptional()
  @MaxLength(500, { message: '留言最多 500 字' })
  message?: string;
}
