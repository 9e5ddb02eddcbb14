import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, AllowDuringSetup, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { NoIdempotencyKey } from '@jobcode/idempotency';

import { AccountObject } from './account.object';
import { AccountsService } from './accounts.service';
import { ConfirmSecondFactorInput, ResetSecondFactorInput } from './dto/second-factor.input';
import { SecondFactorEnrolmentObject } from './second-factor.object';
import { SecondFactorService } from './second-factor.service';

const ANY_ROLE = [Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly accounts: AccountsService,
  ) {}

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @RateLimit({ points: 10, windowSeconds: 600 })
  @NoIdempotencyKey()
  @Mutation(() => SecondFactorEnrolmentObject, { description: '开始绑定身份验证器（第二重身份验证）；县里要求时，工作人员须先绑定才能办理业务' })
  async startSecondFactorEnrolment(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentObject> {
    return this.secondFactor.startEnrolment(actor);
  }

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @RateLimit({ points: 10, windowSeconds: 600 })
  @NoIdempotencyKey()
  @Mutation(() => AccountObject, { description: '输入当前密码和验证器上的动态码，完成绑定；此后登录须同时输入动态码' })
  async confirmSecondFactorEnrolment(@CurrentActor() actor: Actor, @Args('input') input: ConfirmSecondFactorInput): Promise<AccountObject> {
    await this.secondFactor.confirmEnrolment(actor, input.currentPassword, input.oneTimeCode);
    return this.accounts.toObject(await this.accounts.requireById(actor.accountId), actor);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => AccountObject, { description: '管理员解除某账号的身份验证器（手机丢失时）；该账号下次登录后重新绑定' })
  async resetSecondFactor(@CurrentActor() actor: Actor, @Args('input') input: ResetSecondFactorInput): Promise<AccountObject> {
    return this.accounts.toObject(await this.secondFactor.reset(actor, input.accountId), actor);
  }
}
