import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, Role } from '@jobcode/common';

import { DeleteSavedSearchInput, SaveJobSearchInput } from './dto/save-job-search.input';
import { type SavedSearch } from './saved-search.entity';
import { SavedSearchObject } from './saved-search.object';
import { SavedSearchesService } from './saved-searches.service';

const toObject = (s: SavedSearch): SavedSearchObject => ({ id: s.id, name: s.name, query: s.query, filter: s.filter ?? {}, createdAt: s.createdAt });

@Resolver(() => SavedSearchObject)
export class SavedSearchesResolver {
  constructor(private readonly savedSearches: SavedSearchesService) {}

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => SavedSearchObject, { description: '保存一个岗位搜索：有新的符合条件的岗位发布时发站内消息通知我' })
  async saveJobSearch(@CurrentActor() actor: Actor, @Args('input') input: SaveJobSearchInput): Promise<SavedSearchObject> {
    return toObject(await this.savedSearches.save(actor, input));
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Mutation(() => Boolean, { description: '删除自己保存的搜索' })
  async deleteSavedSearch(@CurrentActor() actor: Actor, @Args('input') input: DeleteSavedSearchInput): Promise<boolean> {
    return this.savedSearches.remove(actor, input.savedSearchId);
  }

  @Allow(Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN)
  @Query(() => [SavedSearchObject], { description: '我保存的搜索，最新的在前（最多 20 个）' })
  async mySavedSearches(@CurrentActor() actor: Actor): Promise<SavedSearchObject[]> {
    return (await this.savedSearches.mine(actor)).map(toObject);
  }
}
