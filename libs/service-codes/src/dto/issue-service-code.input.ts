import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { ServiceCodeTargetKind } from '../service-code-target-kind';

@InputType('IssueServiceCodeInput')
export class IssueServiceCodeInput {
  @Field(() => ServiceCodeTargetKind)
  @IsEnum(ServiceCodeTargetKind, { message: '请选择发码对象的类型' })
  targetKind: ServiceCodeTargetKind;

  @Field(() => ID)
  @IsUUID('all', { message: '对象编号格式不正确' })
  targetId: string;

  @Field(() => String, { nullable: true, description: '张贴位置，例如 村委会信息栏（一块板一个码，便于分别统计）' })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: '张贴位置最多 60 个字' })
  label?: string;

  @Field(() => Date, { nullable: true, description: '到期时间；不填则长期有效' })
  @IsOptional()
  @IsDate({ message: '到期时间格式不正确' })
  expiresAt?: Date;
}

@InputType('ServiceCodeTokenInput')
export class ServiceCodeTokenInput {
  @Field(() => String)
  @IsString()
  @MaxLength(40, { message: '码值格式不正确' })
  token: string;
}
