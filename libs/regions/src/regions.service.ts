import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { badInput, notFound, parseRegionCode, RegionLevel, regionLevelOf } from '@jobcode/common';

import { Region } from './region.entity';
import { RegionObject } from './region.object';
import { REGION_SEED } from './seed/region-seed';

/**
 * The division tree. A county has a few hundred divisions at most, so the whole
 * tree is held in memory (reloaded after changes) and look-ups cost no query.
 */
/** A loaded region tree; the service replaces its map on reload, so one tree never changes. */
export class RegionTree {
  constructor(private readonly byCode: ReadonlyMap<string, Region>) {}

  find(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  /** The division names from `top` (or the top of the tree) down to `code`, joined: `广西壮族自治区桂林市资源县瓜里乡金江村`. */
  names(code: string, top?: RegionLevel): string {
    const names: string[] = [];
    for (let region = this.byCode.get(code); region; region = region.parentCode ? this.byCode.get(region.parentCode) : undefined) {
      names.unshift(region.name);
      if (region.level === top) break;
    }
    return names.join('');
  }
}

@Injectable()
export class RegionsService {
  private readonly logger = new Logger(RegionsService.name);
  private byCode = new Map<string, Region>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads the shipped divisions (demo county, provinces) into an empty table. */
  async seedIfEmpty(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM region')) as { count: number }[];
    if (count > 0) return 0;
    await manager.insert(
      Region,
      REGION_SEED.map((r) => ({ ...r, level: regionLevelOf(r.code) as RegionLevel })),
    );
    this.logger.log(`Loaded ${REGION_SEED.length} divisions (demo county 资源县 450329)`);
    this.loadedAt = 0;
    return REGION_SEED.length;
  }

  private async ensureLoaded(): Promise<void> {
    if (this.loadedAt && Date.now() - this.loadedAt < 60_000) return;
    // One reload at a time: concurrent callers wait for the same query.
    this.loading ??= this.dataSource.manager
      .find(Region)
      .then((rows) => {
        this.byCode = new Map(rows.map((r) => [r.code, r]));
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = undefined));
    await this.loading;
  }

  async find(code: string): Promise<Region | undefined> {
    await this.ensureLoaded();
    return this.byCode.get(code);
  }

  /**
   * The tree as loaded now, read without awaiting: for work inside a transaction, where only the
   * transaction's own connection may be used and a reload of the cache must not start.
   */
  async tree(): Promise<RegionTree> {
    await this.ensureLoaded();
    return new RegionTree(this.byCode);
  }

  /** The region, or BAD_USER_INPUT naming the field when the code is malformed or unknown. */
  async require(rawCode: string, field = 'regionCode', levels?: RegionLevel[]): Promise<Region> {
    const code = parseRegionCode(rawCode, field);
    const region = await this.find(code);
    if (!region) throw badInput(`行政区划代码 ${code} 不存在，请从区划列表中选择`, { field, reason: 'UNKNOWN_REGION' });
    if (levels && !levels.includes(region.level)) {
      throw badInput(`此处需要${levels.map(levelName).join('或')}一级的区划，${region.name} 是${levelName(region.level)}`, {
        field,
        reason: 'WRONG_REGION_LEVEL',
      });
    }
    return region;
  }

  async children(parentCode: string | null): Promise<Region[]> {
    await this.ensureLoaded();
    return [...this.byCode.values()].filter((r) => r.parentCode === parentCode).sort((a, b) => a.code.localeCompare(b.code));
  }

  async descendants(code: string, level?: RegionLevel): Promise<Region[]> {
    await this.ensureLoaded();
    return [...this.byCode.values()]
      .filter((r) => r.code.startsWith(code) && r.code !== code && (!level || r.level === level))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** `资源县瓜里乡金江村`: the names from the county down. */
  async fullName(code: string): Promise<string> {
    return (await this.tree()).names(code, RegionLevel.COUNTY);
  }

  async nameOf(code: string): Promise<string> {
    return (await this.find(code))?.name ?? code;
  }

  async toObject(region: Region): Promise<RegionObject> {
    return { ...region, fullName: await this.fullName(region.code) };
  }

  async requireObject(code: string): Promise<RegionObject> {
    const region = await this.find(code);
    if (!region) throw notFound(`行政区划 ${code} 不存在`);
    return this.toObject(region);
  }

  /** Forget the cache (after the tree changed in this process). */
  invalidate(): void {
    this.loadedAt = 0;
  }
}

export function levelName(level: RegionLevel): string {
  return { PROVINCE: '省', CITY: '市', COUNTY: '县', TOWNSHIP: '乡镇', VILLAGE: '村' }[level];
}
