import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';

/** The moves an employer (or staff for a public-welfare post) makes on an application. */
export enum ApplicationMove {
  SHORTLIST = 'SHORTLIST',
  OFFER = 'OFFER',
  HIRE = 'HIRE',
  REJECT = 'REJECT',
  UNDO_HIRE = 'UNDO_HIRE',
}

registerEnumType(ApplicationMove, {
  name: 'ApplicationMove',
  valuesMap: {
    SHORTLIST: { description: '入选：已报名 → 已入选' },
    OFFER: { description: '发录用意向：已入选 → 已发录用意向' },
    HIRE: { description: '录用（不签在线合同时）：已发录用意向 → 已录用' },
    REJECT: { description: '不录用（须填写原因）' },
    UNDO_HIRE: { description: '撤销录用（录错了人或对方未到岗，须填写原因；合同已生效的请终止合同）：已录用 → 已发录用意向；岗位因招满而关闭的会重新开放' },
  },
});

@InputType('MoveApplicationInput')
export class MoveApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'applicationId 应为报名编号' })
  applicationId: string;

  @Field(() => ApplicationMove)
  @IsEnum(ApplicationMove, { message: 'move 只能是 SHORTLIST、OFFER、HIRE、REJECT 或 UNDO_HIRE' })
  move: ApplicationMove;

  @Field(() => String, { nullable: true, description: '原因（REJECT、UNDO_HIRE 时必填，求职者可见）' })
  @IsOptional()
  @MaxLength(200, { message: '原因最多 200 字' })
  reason?: string;
}

@InputType('WithdrawApplicationInput')
export class WithdrawApplicationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'applicationId 应为报名编号' })
  applicationId: string;
}
