import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, AllowDuringSetup, CurrentActor, PUBLIC, RateLimit, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { NoIdempotencyKey } from '@jobcode/idempotency';

import { AccountObject, AuthPayload } from './account.object';
import { AccountsService } from './accounts.service';
import { AuthService, type IssuedToken } from './auth.service';
import { ChangePasswordInput } from './dto/change-password.input';
import { CreateStaffAccountInput } from './dto/create-staff-account.input';
import { SignInInput } from './dto/sign-in.input';

const ANY_ROLE = [Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN];

@Resolver(() => AccountObject)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
  ) {}

  private payload(issued: IssuedToken): Promise<AuthPayload> {
    return this.auth.payload(issued);
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 30, windowSeconds: 600 })
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => AuthPayload, { nullable: true, description: '手机号 + 密码登录；连续输错会锁定账号（可空：一次请求中多个别名各自计数、各自报错）' })
  async signIn(@Args('input') input: SignInInput, @ReqContext() context: RequestContext): Promise<AuthPayload | null> {
    return this.payload(await this.auth.signIn(input.phone, input.password, input.oneTimeCode, context.clientKey));
  }

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => AuthPayload, { description: '会话未过期时换发新的访问令牌' })
  async renewToken(@CurrentActor() actor: Actor): Promise<AuthPayload> {
    return this.payload(await this.auth.renew(actor));
  }

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => Boolean, { description: '退出登录：此会话的所有令牌立即失效' })
  async signOut(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.signOut(actor);
    return true;
  }

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @RateLimit({ points: 10, windowSeconds: 600 })
  @NoIdempotencyKey()
  @Mutation(() => Boolean, { description: '修改密码；初始密码（一次性密码）须先改掉才能办理其他业务' })
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.auth.changePassword(actor, input.currentPassword, input.newPassword);
    return true;
  }

  @Allow(Role.ADMIN, Role.STAFF)
  @Mutation(() => AccountObject, { description: '管理员创建工作人员账号；县、乡镇工作人员可为本辖区创建' })
  async createStaffAccount(@CurrentActor() actor: Actor, @Args('input') input: CreateStaffAccountInput): Promise<AccountObject> {
    return this.accounts.toObject(await this.accounts.createStaff(actor, input), actor);
  }

  @Allow(...ANY_ROLE)
  @AllowDuringSetup()
  @Query(() => AccountObject, { description: '当前登录的账号' })
  async me(@CurrentActor() actor: Actor): Promise<AccountObject> {
    return this.accounts.toObject(await this.accounts.requireById(actor.accountId), actor);
  }
}
