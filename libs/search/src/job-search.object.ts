import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { PageInfo } from '@jobcode/common';
import { JobObject } from '@jobcode/jobs';

import { JobSearchSort } from './engine/job-search.model';
import { SEARCH_WINDOW } from './postgres/postgres-search.settings';

registerEnumType(JobSearchSort, {
  name: 'JobSearchSort',
  description: '搜索结果排序',
  valuesMap: {
    RELEVANCE: {
      description: `相关度（标题命中优先）。命中很多时按发布时间每 ${SEARCH_WINDOW} 个为一组：最新的 ${SEARCH_WINDOW} 个里相关度高的在前，再到下一组，翻页时每个岗位只出现一次`,
    },
    DISTANCE: { description: '离 near 由近到远' },
    WAGE: { description: '月工资由高到低' },
    NEWEST: { description: '最新发布在前' },
  },
});

@ObjectType('FacetCount', { description: '一个筛选项及符合条件的岗位数' })
export class FacetCountObject {
  @Field(() => String, { description: '筛选值（岗位类型、乡镇区划代码、工资段或福利）' })
  value: string;

  @Field(() => String, { description: '给人看的名称' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('JobSearchFacets', { description: '按当前搜索词和筛选条件统计的分面计数（JobSearchConnection.approximate 为 true 时为估算值）' })
export class JobSearchFacetsObject {
  @Field(() => [FacetCountObject])
  kind: FacetCountObject[];

  @Field(() => [FacetCountObject])
  township: FacetCountObject[];

  @Field(() => [FacetCountObject], { description: '月工资段（按岗位工资上限，按天、按小时的已折算为月）' })
  wageBand: FacetCountObject[];

  @Field(() => [FacetCountObject])
  benefit: FacetCountObject[];
}

@ObjectType('JobSearchEdge')
export class JobSearchEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => JobObject)
  node: JobObject;

  @Field(() => Float, { description: '相关度得分（仅用于比较同一次搜索的结果）' })
  score: number;

  @Field(() => Float, { nullable: true, description: '离 near 的直线距离（公里）；未给 near 时为空' })
  distanceKm: number | null;
}

@ObjectType('JobSearchConnection')
export class JobSearchConnection {
  @Field(() => [JobSearchEdge])
  edges: JobSearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: '符合条件的岗位总数；approximate 为 true 时是估算值（请显示为"约 N 个"）' })
  totalCount: number;

  @Field(() => Boolean, {
    description: `为 true 时 totalCount 和分面计数是估算值：命中岗位很多时（超过 ${SEARCH_WINDOW} 个），只读取最新的 ${SEARCH_WINDOW} 个计算相关度排序和分面，再按比例估算总数，界面上应写"约"`,
  })
  approximate: boolean;

  @Field(() => JobSearchFacetsObject)
  facets: JobSearchFacetsObject;

  @Field(() => String, { description: '所用的搜索引擎：postgres 或 meilisearch' })
  engine: string;
}
