import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

import { type Actor, type LoaderFactory, RegionLevel, Role, forbidden } from '@jobcode/common';
import { isUniqueViolation } from '@jobcode/database';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { AddSupportGroupInput } from './dto/add-support-group.input';
import { JobSeekerDeclaredGroup } from './job-seeker-declared-group.entity';
import { JobSeekerSupportGroup } from './job-seeker-support-group.entity';
import { SeekersException, SeekersExceptionCode } from './seekers.exception';
import { SupportGroup } from './support-group.entity';
import { type SupportGroupObject } from './support-group.object';

/**
 * The support groups (national + each county's own). The table is tiny, so it is
 * cached in memory for a minute (and dropped when this process adds one).
 */
@Injectable()
export class SupportGroupsService implements LoaderFactory<string, SupportGroupObject[]> {
  private cache: { at: number; groups: Map<string, SupportGroup> } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  async all(): Promise<ReadonlyMap<string, SupportGroup>> {
    if (!this.cache || Date.now() - this.cache.at > 60_000) {
      const rows = await this.dataSource.manager.find(SupportGroup, { order: { builtin: 'DESC', code: 'ASC' } });
      this.cache = { at: Date.now(), groups: new Map(rows.map((g) => [g.code, g])) };
    }
    return this.cache.groups;
  }

  /** The groups a region may use: the national ones and its county's own. */
  async usableIn(regionCode?: string | null): Promise<SupportGroup[]> {
    const groups = [...(await this.all()).values()];
    return groups.filter((g) => !g.regionCode || (regionCode ? regionCode.startsWith(g.regionCode) || g.regionCode.startsWith(regionCode) : true));
  }

  /** County staff (or an admin) add a group for their county. */
  async add(actor: Actor, input: AddSupportGroupInput): Promise<SupportGroup> {
    const county = await this.regions.require(input.countyCode, 'countyCode', [RegionLevel.COUNTY]);
    if (actor.role !== Role.ADMIN && actor.regionCode !== county.code) throw forbidden('只有县级工作人员可以为本县增设人员类别');
    await this.scope.assertCovers(actor, county.code);
    try {
      const group = await this.dataSource.manager.save(SupportGroup, { code: input.code, name: input.name.trim(), regionCode: county.code, builtin: false });
      this.cache = undefined;
      return group;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new SeekersException(SeekersExceptionCode.SUPPORT_GROUP_EXISTS, `类别代码 ${input.code} 已被使用，请换一个代码`, { field: 'code' });
      throw error;
    }
  }

  toObject(group: SupportGroup): SupportGroupObject {
    return { code: group.code, name: group.name, regionCode: group.regionCode, builtin: group.builtin };
  }

  /** The groups each seeker declared and staff have not confirmed yet, one query for a whole page. */
  async declaredOf(seekerIds: readonly string[]): Promise<SupportGroupObject[][]> {
    const [links, groups] = await Promise.all([
      this.dataSource.manager.find(JobSeekerDeclaredGroup, { where: { jobSeekerId: In([...seekerIds]) }, order: { supportGroupCode: 'ASC' } }),
      this.all(),
    ]);
    return seekerIds.map((id) =>
      links
        .filter((l) => l.jobSeekerId === id)
        .map((l) => groups.get(l.supportGroupCode))
        .filter((g): g is SupportGroup => g !== undefined)
        .map((g) => this.toObject(g)),
    );
  }

  /** Per request: the groups of each seeker, one query for a whole page. */
  create(): DataLoader<string, SupportGroupObject[]> {
    return new DataLoader<string, SupportGroupObject[]>(async (seekerIds) => {
      const [links, groups] = await Promise.all([
        this.dataSource.manager.find(JobSeekerSupportGroup, { where: { jobSeekerId: In([...seekerIds]) }, order: { supportGroupCode: 'ASC' } }),
        this.all(),
      ]);
      const bySeeker = new Map<string, SupportGroupObject[]>();
      for (const link of links) {
        const group = groups.get(link.supportGroupCode);
        if (!group) continue;
        const list = bySeeker.get(link.jobSeekerId) ?? [];
        list.push(this.toObject(group));
        bySeeker.set(link.jobSeekerId, list);
      }
      return seekerIds.map((id) => bySeeker.get(id) ?? []);
    });
  }
}

/** Per request: the declared (not yet confirmed) groups of each seeker. */
@Injectable()
export class DeclaredSupportGroupsLoader implements LoaderFactory<string, SupportGroupObject[]> {
  constructor(private readonly groups: SupportGroupsService) {}

  create(): DataLoader<string, SupportGroupObject[]> {
    return new DataLoader<string, SupportGroupObject[]>((seekerIds) => this.groups.declaredOf(seekerIds));
  }
}
