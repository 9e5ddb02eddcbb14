import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const MAX_RECOMMENDATIONS = 50;

@ArgsType()
export class RecommendedSeekersArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '岗位编号格式不正确' })
  jobId: string;

  @Field(() => Int, { nullable: true, description: `要几位，默认 10，最多 ${MAX_RECOMMENDATIONS}` })
  @IsOptional()
  @IsInt({ message: '人数应为整数' })
  @Min(1, { message: `人数应在 1 到 ${MAX_RECOMMENDATIONS} 之间` })
  @Max(MAX_RECOMMENDATIONS, { message: `人数应在 1 到 ${MAX_RECOMMENDATIONS} 之间` })
  first?: number;
}

@ArgsType()
export class RecommendedJobsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '求职者编号格式不正确' })
  seekerId: string;

  @Field(() => Int, { nullable: true, description: `要几个，默认 10，最多 ${MAX_RECOMMENDATIONS}` })
  @IsOptional()
  @IsInt({ message: '个数应为整数' })
  @Min(1, { message: `个数应在 1 到 ${MAX_RECOMMENDATIONS} 之间` })
  @Max(MAX_RECOMMENDATIONS, { message: `个数应在 1 到 ${MAX_RECOMMENDATIONS} 之间` })
  first?: number;
}
