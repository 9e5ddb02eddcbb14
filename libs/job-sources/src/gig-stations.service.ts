import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, type ConnectionShape, parseGeoPoint, RegionLevel } from '@jobcode/common';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { CreateGigStationInput, GigStationsArgs } from './dto/job-sources.inputs';
import { GigStation, GigStationLevel } from './gig-station.entity';
import { JobSourcesException, JobSourcesExceptionCode } from './job-sources.exception';
import { inRegion, pageByRegionCode } from './job-sources.paging';

const STATION_REGION_LEVEL: Record<GigStationLevel, RegionLevel> = {
  COUNTY: RegionLevel.COUNTY,
  TOWNSHIP: RegionLevel.TOWNSHIP,
  VILLAGE: RegionLevel.VILLAGE,
};
const STATION_WORD: Record<GigStationLevel, string> = { COUNTY: '县级零工市场', TOWNSHIP: '乡镇零工中心', VILLAGE: '村级零工驿站' };

/** Gig stations (零工市场、零工中心、零工驿站): set up by staff at the level of division they serve. */
@Injectable()
export class GigStationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  async createStation(actor: Actor, input: CreateGigStationInput): Promise<GigStation> {
    const region = await this.regions.require(input.regionCode, 'input.regionCode');
    await this.scope.assertCovers(actor, region.code);
    if (region.level !== STATION_REGION_LEVEL[input.level]) {
      throw new JobSourcesException(
        JobSourcesExceptionCode.WRONG_STATION_LEVEL,
        `${STATION_WORD[input.level]}应建在${{ COUNTY: '县', TOWNSHIP: '乡镇', VILLAGE: '村' }[input.level]}一级，${region.name}不是；请改选区划或级别`,
        { field: 'input.level' },
      );
    }
    const { lat: latitude, lng: longitude } = parseGeoPoint(input.latitude, input.longitude);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(GigStation, {
        name: input.name.trim(),
        level: input.level,
        regionCode: region.code,
        address: input.address.trim(),
        latitude,
        longitude,
        openingHours: input.openingHours.trim(),
        createdBy: actor.accountId,
      }),
    );
  }

  async requireStation(id: string): Promise<GigStation> {
    const station = await this.dataSource.manager.findOne(GigStation, { where: { id } });
    if (!station) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '零工站点不存在');
    return station;
  }

  async stations(args: GigStationsArgs): Promise<ConnectionShape<GigStation>> {
    const qb = this.dataSource.manager.createQueryBuilder(GigStation, 's');
    if (args.regionCode) await inRegion(this.regions, qb, 's.region_code', args.regionCode);
    if (args.level) qb.andWhere('s.level = :level', { level: args.level });
    return pageByRegionCode(qb, 's', args);
  }
}
