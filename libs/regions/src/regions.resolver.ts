import { Args, Float, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, PUBLIC } from '@jobcode/common';

import { RegionObject } from './region.object';
import { RegionsService } from './regions.service';
import { regionPoint } from './seed/region-points';

@Resolver(() => RegionObject)
export class RegionsResolver {
  constructor(private readonly regionsService: RegionsService) {}

  @Allow(PUBLIC)
  @Query(() => RegionObject, { description: '按代码查一个行政区划' })
  region(@Args('code', { type: () => String }) code: string): Promise<RegionObject> {
    return this.regionsService.requireObject(code);
  }

  @Allow(PUBLIC)
  @Query(() => [RegionObject], { description: '下级行政区划；不给 parentCode 时返回省级' })
  async regions(@Args('parentCode', { type: () => String, nullable: true }) parentCode?: string): Promise<RegionObject[]> {
    const rows = await this.regionsService.children(parentCode ?? null);
    return Promise.all(rows.map((r) => this.regionsService.toObject(r)));
  }

  /** The tree is held in memory by RegionsService, so these per-item fields cost no query. */
  @ResolveField(() => RegionObject, { nullable: true, description: '上级区划' })
  async parent(@Parent() region: RegionObject): Promise<RegionObject | null> {
    return region.parentCode ? this.regionsService.requireObject(region.parentCode) : null;
  }

  @ResolveField(() => [RegionObject], { description: '下级区划' })
  async children(@Parent() region: RegionObject): Promise<RegionObject[]> {
    const rows = await this.regionsService.children(region.code);
    return Promise.all(rows.map((r) => this.regionsService.toObject(r)));
  }

  @ResolveField(() => Float, { nullable: true, description: 'GCJ-02 纬度：乡镇政府驻地的约略位置（村用所在乡镇的）；没有数据时为空' })
  latitude(@Parent() region: RegionObject): number | null {
    return regionPoint(region.code)?.lat ?? null;
  }

  @ResolveField(() => Float, { nullable: true, description: 'GCJ-02 经度：乡镇政府驻地的约略位置（村用所在乡镇的）；没有数据时为空' })
  longitude(@Parent() region: RegionObject): number | null {
    return regionPoint(region.code)?.lng ?? null;
  }
}
