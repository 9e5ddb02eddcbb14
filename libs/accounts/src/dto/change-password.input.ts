import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  currentPassword: string;

  @Field(() => String)
  @IsString()
  newPassword: string;
}
