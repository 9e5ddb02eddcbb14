import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@InputType('ClaimJobSeekerInput', { description: '认领工作人员代为登记的求职信息：核对姓名和身份证号' })
export class ClaimJobSeekerInput {
  @Field(() => String)
  @IsString()
  @Length(1, 50, { message: '姓名应为 1 到 50 个字' })
  name: string;

  @Field(() => String)
  @IsString({ message: '请填写身份证号' })
  idNumber: string;
}
