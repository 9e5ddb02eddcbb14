import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { AccountObject } from './account.object';
import { AccountsService } from './accounts.service';
import { ResetStaffPasswordInput, SetAccountDisabledInput, SetStaffRegionInput } from './dto/staff-account-admin.input';
import { StaffAccountAdminService } from './staff-account-admin.service';

@Resolver()
export class StaffAccountAdminResolver {
  constructor(
    private readonly admin: StaffAccountAdminService,
    private readonly accounts: AccountsService,
  ) {}

  @Allow(Role.ADMIN)
  @Mutation(() => AccountObject, { description: '管理员停用（人员离岗时）或恢复工作人员、管理员账号；停用后其所有登录随即结束' })
  async setAccountDisabled(@CurrentActor() actor: Actor, @Args('input') input: SetAccountDisabledInput): Promise<AccountObject> {
    return this.accounts.toObject(await this.admin.setDisabled(actor, input.accountId, input.disabled), actor);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => AccountObject, { description: '管理员为忘记密码的工作人员或管理员设临时密码；其所有登录随即结束，下次登录须先改密码' })
  async resetStaffPassword(@CurrentActor() actor: Actor, @Args('input') input: ResetStaffPasswordInput): Promise<AccountObject> {
    return this.accounts.toObject(await this.admin.resetPassword(actor, input.accountId, input.password), actor);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => AccountObject, { description: '管理员调整工作人员的管辖区域（调岗时）；其所有登录随即结束，重新登录后按新区域办理' })
  async setStaffRegion(@CurrentActor() actor: Actor, @Args('input') input: SetStaffRegionInput): Promise<AccountObject> {
    return this.accounts.toObject(await this.admin.setRegion(actor, input.accountId, input.regionCode), actor);
  }
}
