import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, type ConnectionShape, forbidden, keysetConnection, type KeysetOrder, parseGeoPoint, RegionLevel } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { isCountyStaff } from '@jobcode/employers';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { CreateJobCaravanInput, CreateJobFairInput, JobFairsArgs } from './dto/job-sources.inputs';
import { UpdateJobFairInput } from './dto/update-job-fair.input';
import { JobCaravan } from './job-caravan.entity';
import { JobFair, JobFairKind } from './job-fair.entity';
import { JobSourcesException, JobSourcesExceptionCode } from './job-sources.exception';
import { inRegion } from './job-sources.paging';

/**
 * Job fairs (招聘会) and the job caravans (就业大篷车) whose stops are fairs, one per township
 * of the county.
 */
@Injectable()
export class JobFairsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  async createCaravan(actor: Actor, input: CreateJobCaravanInput): Promise<JobCaravan> {
    const county = await this.regions.require(input.countyCode, 'input.countyCode', [RegionLevel.COUNTY]);
    await this.scope.assertCovers(actor, county.code);
    if (!isCountyStaff(actor)) throw forbidden('就业大篷车由县人社局组织；请联系县人社局', { reason: 'COUNTY_STAFF_ONLY' });
    return this.dataSource.manager.save(
      this.dataSource.manager.create(JobCaravan, {
        name: input.name.trim(),
        countyCode: county.code,
        organiser: input.organiser.trim(),
        createdBy: actor.accountId,
      }),
    );
  }

  async createFair(actor: Actor, input: CreateJobFairInput): Promise<JobFair> {
    const region = await this.regions.require(input.regionCode, 'input.regionCode');
    await this.scope.assertCovers(actor, region.code);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '结束时间应晚于开始时间', { field: 'input.endsAt' });
    if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
      throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '一场招聘会最长 14 天；更长的活动请分场登记', { field: 'input.endsAt' });
    }
    if (input.kind === JobFairKind.CARAVAN && !input.caravanId) {
      throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '就业大篷车的一站须填写所属大篷车（caravanId）', { field: 'input.caravanId' });
    }
    if (input.kind !== JobFairKind.CARAVAN && input.caravanId) {
      throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '只有类型为 CARAVAN 的招聘会属于大篷车；请去掉 caravanId 或把类型改为 CARAVAN', {
        field: 'input.caravanId',
      });
    }
    const coordinates = input.latitude !== undefined && input.longitude !== undefined ? parseGeoPoint(input.latitude, input.longitude) : null;
    return inTransaction(this.dataSource, async (manager) => {
      if (input.caravanId) {
        // The caravan row lock serialises stops being added, so "one stop per township" holds.
        const caravan = await manager.findOne(JobCaravan, { where: { id: input.caravanId }, lock: { mode: 'pessimistic_write' } });
        if (!caravan) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '就业大篷车不存在', { field: 'input.caravanId' });
        if (!region.code.startsWith(caravan.countyCode) || region.code.length < 9) {
          throw new JobSourcesException(
            JobSourcesExceptionCode.CARAVAN_OUTSIDE_COUNTY,
            `大篷车的每一站应设在${await this.regions.fullName(caravan.countyCode)}的某个乡镇或村`,
            { field: 'input.regionCode' },
          );
        }
        const township = region.code.slice(0, 9);
        const taken = await manager
          .createQueryBuilder(JobFair, 'f')
          .where('f.caravan_id = :caravan AND left(f.region_code, 9) = :township', { caravan: caravan.id, township })
          .getOne();
        if (taken) {
          throw new JobSourcesException(
            JobSourcesExceptionCode.CARAVAN_TOWNSHIP_TAKEN,
            `${caravan.name}已在${await this.regions.nameOf(township)}设了一站（${taken.name}）；大篷车每个乡镇设一站`,
            { field: 'input.regionCode' },
          );
        }
      }
      return manager.save(
        manager.create(JobFair, {
          name: input.name.trim(),
          kind: input.kind,
          caravanId: input.caravanId ?? null,
          startsAt,
          endsAt,
          venue: input.venue.trim(),
          regionCode: region.code,
          latitude: coordinates?.lat ?? null,
          longitude: coordinates?.lng ?? null,
          organiser: input.organiser.trim(),
          createdBy: actor.accountId,
        }),
      );
    });
  }

  async requireFair(id: string): Promise<JobFair> {
    const fair = await this.dataSource.manager.findOne(JobFair, { where: { id } });
    if (!fair) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '招聘会不存在');
    return fair;
  }

  async requireCaravan(id: string): Promise<JobCaravan> {
    const caravan = await this.dataSource.manager.findOne(JobCaravan, { where: { id } });
    if (!caravan) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '就业大篷车不存在');
    return caravan;
  }

  async fairs(args: JobFairsArgs): Promise<ConnectionShape<JobFair>> {
    const qb = this.dataSource.manager.createQueryBuilder(JobFair, 'f');
    if (args.regionCode) await inRegion(this.regions, qb, 'f.region_code', args.regionCode);
    if (args.caravanId) qb.andWhere('f.caravan_id = :caravan', { caravan: args.caravanId });
    if (args.upcoming) qb.andWhere('f.ends_at > now()');
    const soonestFirst: KeysetOrder = {
      keys: [
        { column: 'f.starts_at', type: 'timestamptz' },
        { column: 'f.id', type: 'uuid' },
      ],
      direction: 'ASC',
    };
    return keysetConnection(qb, args, soonestFirst, (r) => r);
  }

  /** Corrects a fair that has not ended (staff covering its place); its kind, place and caravan stay. */
  async updateFair(actor: Actor, input: UpdateJobFairInput): Promise<JobFair> {
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await manager.findOne(JobFair, { where: { id: input.fairId }, lock: { mode: 'pessimistic_write' } });
      if (!fair) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '招聘会不存在', { field: 'input.fairId' });
      await this.scope.assertCovers(actor, fair.regionCode);
      if (fair.endsAt <= new Date()) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_OVER, `${fair.name}已经结束，不能再修改`);
      const startsAt = input.startsAt ? new Date(input.startsAt) : fair.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : fair.endsAt;
      if (!(endsAt > startsAt)) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '结束时间应晚于开始时间', { field: 'input.endsAt' });
      if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
        throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '一场招聘会最长 14 天；更长的活动请分场登记', { field: 'input.endsAt' });
      }
      if ((input.latitude === undefined) !== (input.longitude === undefined)) {
        throw badInput('坐标须同时填写纬度和经度', { field: 'input.latitude', reason: 'INVALID_COORDINATES' });
      }
      const point = input.latitude !== undefined && input.longitude !== undefined ? parseGeoPoint(input.latitude, input.longitude) : null;
      fair.name = input.name?.trim() ?? fair.name;
      fair.venue = input.venue?.trim() ?? fair.venue;
      fair.organiser = input.organiser?.trim() ?? fair.organiser;
      fair.startsAt = startsAt;
      fair.endsAt = endsAt;
      if (point) Object.assign(fair, { latitude: point.lat, longitude: point.lng });
      return manager.save(fair);
    });
  }

  /** The caravans touring one county, newest first. */
  async caravans(countyCode: string): Promise<JobCaravan[]> {
    const county = await this.regions.require(countyCode, 'countyCode', [RegionLevel.COUNTY]);
    return this.dataSource.manager.find(JobCaravan, { where: { countyCode: county.code }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
