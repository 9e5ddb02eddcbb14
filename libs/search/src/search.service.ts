import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { clampPageSize, countyToday, decodeCursor, encodeCursor, RegionLevel } from '@jobcode/common';
import { Job, JOB_KIND_WORD, JobMapper, JobsService, JobStatus } from '@jobcode/jobs';
import { RegionsService } from '@jobcode/regions';

import { type SearchJobsArgs } from './dto/search-jobs.args';
import { type FacetCount, JOB_SEARCH_ENGINE, type JobSearchEngine, type JobSearchFilter, JobSearchSort, WAGE_BANDS } from './engine/job-search.model';
import { type FacetCountObject, type JobSearchConnection, type JobSearchFacetsObject } from './job-search.object';
import { SearchException, SearchExceptionCode } from './search.exception';

/** Results beyond this position are not paged to: refine the search instead. */
export const MAX_SEARCH_OFFSET = 1000;

const BENEFIT_LABEL: Record<string, string> = { BOARD: '包吃', LODGING: '包住', TRANSPORT: '交通', SOCIAL_INSURANCE: '社保' };
const WAGE_BAND_LABEL: Record<string, string> = Object.fromEntries(
  WAGE_BANDS.map((b) => [b.value, b.min === 0 ? `${b.max} 元以下` : b.max === null ? `${b.min} 元以上` : `${b.min}–${b.max} 元`]),
);

/**
 * searchJobs: validates the request, asks the configured engine (PostgreSQL or Meilisearch)
 * for ids in order, and loads those jobs from the database, so that what a seeker sees is
 * always the job as it is now; a job closed a moment ago and not yet out of the index is
 * left out of the page.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_SEARCH_ENGINE) private readonly engine: JobSearchEngine,
    private readonly regions: RegionsService,
    private readonly jobs: JobsService,
    private readonly mapper: JobMapper,
  ) {}

  async searchJobs(args: SearchJobsArgs): Promise<JobSearchConnection> {
    const limit = clampPageSize(args.first);
    const offset = args.after ? this.offsetOf(args.after) : 0;
    if (offset + limit > MAX_SEARCH_OFFSET) {
      throw new SearchException(SearchExceptionCode.PAGE_TOO_DEEP, `最多翻看前 ${MAX_SEARCH_OFFSET} 条结果，请加上筛选条件或换个搜索词缩小范围`, {
        field: 'after',
      });
    }
    const filter = await this.toFilter(args);
    if (args.sort === JobSearchSort.DISTANCE && !args.near) {
      throw new SearchException(SearchExceptionCode.INVALID_SEARCH, '按距离排序需要提供位置（near）', { field: 'near' });
    }
    const text = args.query?.trim() || undefined;
    const result = await this.engine.search({ text, filter, near: args.near, sort: args.sort, limit: limit + 1, offset });
    const page = result.hits.slice(0, limit);
    const rows = page.length ? await this.dataSource.manager.find(Job, { where: { id: In(page.map((h) => h.id)) } }) : [];
    const today = countyToday();
    const byId = new Map(rows.filter((j) => this.jobs.effectiveStatus(j, today) === JobStatus.OPEN).map((j) => [j.id, j]));
    const edges = [];
    for (const [index, hit] of page.entries()) {
      const job = byId.get(hit.id);
      if (!job) continue;
      edges.push({
        cursor: encodeCursor([offset + index + 1]),
        node: await this.mapper.job(job, today),
        score: hit.score,
        distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 100) / 100,
      });
    }
    return {
      edges,
      pageInfo: { hasNextPage: result.hits.length > limit, endCursor: page.length ? encodeCursor([offset + page.length]) : null },
      totalCount: result.total,
      approximate: result.approximate,
      facets: await this.facets(result.facets),
      engine: this.engine.name,
    };
  }

  private offsetOf(after: string): number {
    const [offset] = decodeCursor(after, 1) as [unknown];
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
      throw new SearchException(SearchExceptionCode.INVALID_SEARCH, '分页参数 after 无效，请从第一页重新开始', { field: 'after' });
    }
    return offset;
  }

  private async toFilter(args: SearchJobsArgs): Promise<JobSearchFilter> {
    const input = args.filter ?? {};
    const filter: JobSearchFilter = {};
    if (input.regionCode) {
      const region = await this.regions.require(input.regionCode, 'filter.regionCode', [RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]);
      filter.regionCode = region.code;
    }
    if (input.kinds?.length) filter.kinds = input.kinds;
    if (input.minMonthlyWage !== undefined && input.minMonthlyWage !== null) filter.minMonthlyWage = input.minMonthlyWage;
    if (input.benefits?.length) filter.benefits = input.benefits;
    if (input.sourceKinds?.length) filter.sourceKinds = input.sourceKinds;
    if (input.postedWithinDays !== undefined && input.postedWithinDays !== null) filter.postedWithinDays = input.postedWithinDays;
    if (input.withinKm !== undefined && input.withinKm !== null) {
      if (!args.near) throw new SearchException(SearchExceptionCode.INVALID_SEARCH, '按距离筛选（withinKm）需要同时提供位置（near）', { field: 'near' });
      filter.withinKm = input.withinKm;
    }
    return filter;
  }

  private async facets(facets: { kind: FacetCount[]; township: FacetCount[]; wageBand: FacetCount[]; benefit: FacetCount[] }): Promise<JobSearchFacetsObject> {
    const label =
      (labels: Record<string, string>) =>
      (f: FacetCount): FacetCountObject => ({ ...f, label: labels[f.value] ?? f.value });
    const township = await Promise.all(facets.township.map(async (f) => ({ ...f, label: (await this.regions.find(f.value))?.name ?? f.value })));
    const bandOrder = WAGE_BANDS.map((b) => b.value);
    return {
      kind: facets.kind.map(label(JOB_KIND_WORD)),
      township,
      wageBand: [...facets.wageBand].sort((a, b) => bandOrder.indexOf(a.value) - bandOrder.indexOf(b.value)).map(label(WAGE_BAND_LABEL)),
      benefit: facets.benefit.map(label(BENEFIT_LABEL)),
    };
  }
}
