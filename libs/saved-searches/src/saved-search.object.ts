import { Field, ID, ObjectType } from '@nestjs/graphql';

import { JobSearchFilterObject } from './job-search-filter.object';

@ObjectType('SavedSearch', { description: '保存的搜索：有新的符合条件的岗位时通知本人' })
export class SavedSearchObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  query: string | null;

  @Field(() => JobSearchFilterObject)
  filter: JobSearchFilterObject;

  @Field(() => Date)
  createdAt: Date;
}
