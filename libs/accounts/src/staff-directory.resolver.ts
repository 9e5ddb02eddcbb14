import { Args, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { SecurityLogArgs, SecurityLogConnection, StaffAccountConnection, StaffAccountsArgs } from './staff-directory.objects';
import { StaffDirectoryService } from './staff-directory.service';

@Resolver()
export class StaffDirectoryResolver {
  constructor(private readonly directory: StaffDirectoryService) {}

  @Allow(Role.ADMIN, Role.STAFF)
  @Query(() => StaffAccountConnection, {
    description: '工作人员和管理员账号：管理员看全部，县工作人员看本县的，乡镇工作人员看本乡镇的；按区域、姓名排列',
  })
  async staffAccounts(@CurrentActor() actor: Actor, @Args() args: StaffAccountsArgs): Promise<StaffAccountConnection> {
    return this.directory.staffAccounts(actor, args);
  }

  @Allow(Role.ADMIN)
  @Query(() => SecurityLogConnection, {
    description: '安全日志（仅管理员）：登录、登录失败、锁定、身份验证器重置、越权拒绝，以及每次查看完整身份证号或手机号；最新的在前',
  })
  async securityLog(@Args() args: SecurityLogArgs): Promise<SecurityLogConnection> {
    return this.directory.securityLog(args);
  }
}
