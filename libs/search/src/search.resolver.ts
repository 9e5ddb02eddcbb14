import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allow, PUBLIC } from '@jobcode/common';

import { SearchJobsArgs } from './dto/search-jobs.args';
import { JobSearchConnection } from './job-search.object';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Allow(PUBLIC)
  @Query(() => JobSearchConnection, { description: '搜索招聘中的岗位：中文、拼音或拼音首字母，带筛选、分面计数和距离' })
  async searchJobs(@Args() args: SearchJobsArgs): Promise<JobSearchConnection> {
    return this.search.searchJobs(args);
  }
}
