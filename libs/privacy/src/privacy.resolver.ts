import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AccountsService } from '@jobcode/accounts';
import { type Actor, Allow, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { SeekersService } from '@jobcode/seekers';

import { DataDeletionRequestObject, PersonalDataObject, RequestDataDeletionInput } from './privacy.objects';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly accounts: AccountsService,
    private readonly seekers: SeekersService,
  ) {}

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @Query(() => PersonalDataObject, {
    description: '我的个人信息：平台保存的全部内容、谁查看过、删除请求的答复；副本下载用 createDownloadLink（PERSONAL_DATA_JSON / PERSONAL_DATA_HTML）',
  })
  async myPersonalData(@CurrentActor() actor: Actor): Promise<PersonalDataObject> {
    const account = await this.accounts.requireById(actor.accountId);
    const seeker = await this.seekers.mine(actor);
    return {
      generatedAt: new Date(),
      account: await this.accounts.toObject(account, actor),
      profile: seeker ? this.seekers.toObject(seeker) : null,
      applications: seeker ? await this.privacy.applicationsOf(seeker.id) : [],
      contracts: seeker ? await this.privacy.contractsOf(seeker.id) : [],
      notificationCount: await this.privacy.notificationCount(actor.accountId),
      reads: seeker ? await this.seekers.dataReads(actor, seeker.id, 200) : [],
      deletionRequest: await this.privacy.deletionRequestOf(actor.accountId),
    };
  }

  @Allow(Role.SEEKER, Role.EMPLOYER)
  @RateLimit({ points: 5, windowSeconds: 3600 })
  @Mutation(() => DataDeletionRequestObject, {
    description:
      '申请删除我的个人信息（立即处理并答复）：没有依法须保存的记录时全部删除并注销账号；有劳动合同或就业登记时，这些记录只作存储和安全保护、不再处理，其余删除。再次申请返回第一次的答复',
  })
  async requestDataDeletion(@CurrentActor() actor: Actor, @Args('input') input: RequestDataDeletionInput): Promise<DataDeletionRequestObject> {
    return this.privacy.requestDeletion(actor, input.reason);
  }
}
