import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import {
  type Actor,
  badInput,
  clampPageSize,
  type ConnectionShape,
  countyToday,
  decodeCursor,
  forbidden,
  isStaffOrAdmin,
  RegionLevel,
  Role,
  toConnection,
} from '@jobcode/common';
import { inTransaction, isUniqueViolation } from '@jobcode/database';
import { EmployerMember, EmployersService, isCountyStaff } from '@jobcode/employers';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { parseLatLng } from './coordinates';
import {
  BookFairBoothInput,
  CertifyWorkshopInput,
  CreateGigStationInput,
  CreateJobCaravanInput,
  CreateJobFairInput,
  CreateWorkshopInput,
  GigStationsArgs,
  JobFairsArgs,
  RevokeWorkshopInput,
  WorkshopsArgs,
} from './dto/job-sources.inputs';
import { UpdateJobFairInput } from './dto/update-job-fair.input';
import { FairBooth } from './fair-booth.entity';
import { GigStation, GigStationLevel } from './gig-station.entity';
import { JobCaravan } from './job-caravan.entity';
import { JobFair, JobFairKind } from './job-fair.entity';
import { JobSourcesException, JobSourcesExceptionCode } from './job-sources.exception';
import { Workshop, WorkshopStatus } from './workshop.entity';

const STATION_REGION_LEVEL: Record<GigStationLevel, RegionLevel> = {
  COUNTY: RegionLevel.COUNTY,
  TOWNSHIP: RegionLevel.TOWNSHIP,
  VILLAGE: RegionLevel.VILLAGE,
};
const STATION_WORD: Record<GigStationLevel, string> = { COUNTY: '县级零工市场', TOWNSHIP: '乡镇零工中心', VILLAGE: '村级零工驿站' };

/** Gig stations, workshops and fairs: the places jobs come from. */
@Injectable()
export class JobSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly employers: EmployersService,
  ) {}

  // ---- gig stations ----

  async createStation(actor: Actor, input: CreateGigStationInput): Promise<GigStation> {
    const region = await this.regions.require(input.regionCode, 'input.regionCode');
    await this.scope.assertCovers(actor, region.code);
    if (region.level !== STATION_REGION_LEVEL[input.level]) {
      throw new JobSourcesException(
        JobSourcesExceptionCode.WRONG_STATION_LEVEL,
        `${STATION_WORD[input.level]}应建在${{ COUNTY: '县', TOWNSHIP: '乡镇', VILLAGE: '村' }[input.level]}一级，${region.name}不是；请改选区划或级别`,
        'input.level',
      );
    }
    const { latitude, longitude } = parseLatLng(input.latitude, input.longitude);
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
    if (args.regionCode) await this.inRegion(qb, 's.region_code', args.regionCode);
    if (args.level) qb.andWhere('s.level = :level', { level: args.level });
    return this.pageByCode(qb, 's', args);
  }

  // ---- workshops ----

  async createWorkshop(actor: Actor, input: CreateWorkshopInput): Promise<Workshop> {
    const employer = await this.employers.requireManageable(actor, input.employerId);
    this.employers.assertVerified(employer);
    const region = await this.regions.require(input.regionCode, 'input.regionCode');
    if (region.level !== RegionLevel.VILLAGE) {
      throw new JobSourcesException(
        JobSourcesExceptionCode.WORKSHOP_NOT_IN_VILLAGE,
        `就业帮扶车间应设在村里，请选择村一级的区划（${region.name}是上级区划）`,
        'input.regionCode',
      );
    }
    if (isStaffOrAdmin(actor)) await this.scope.assertCovers(actor, region.code);
    const { latitude, longitude } = parseLatLng(input.latitude, input.longitude);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Workshop, {
        name: input.name.trim(),
        employerId: employer.id,
        regionCode: region.code,
        address: input.address.trim(),
        latitude,
        longitude,
        headcount: input.headcount,
        status: WorkshopStatus.PENDING,
        createdBy: actor.accountId,
      }),
    );
  }

  async certifyWorkshop(actor: Actor, input: CertifyWorkshopInput): Promise<Workshop> {
    const today = countyToday();
    if (input.certifiedOn > today)
      throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `认定日期不能晚于今天（${today}）`, 'input.certifiedOn');
    return this.changeWorkshop(actor, input.workshopId, [WorkshopStatus.PENDING, WorkshopStatus.REVOKED], (w) => {
      // Certified again: from the new date on, never before the revocation (one certified span is kept).
      if (w.revokedOn && input.certifiedOn < w.revokedOn) {
        throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `重新认定的日期不能早于撤销认定的日期（${w.revokedOn}）`, 'input.certifiedOn');
      }
      w.status = WorkshopStatus.CERTIFIED;
      w.certifiedOn = input.certifiedOn;
      w.certifiedBy = actor.accountId;
      w.revocationReason = null;
      w.revokedOn = null;
    });
  }

  async revokeWorkshop(actor: Actor, input: RevokeWorkshopInput): Promise<Workshop> {
    const today = countyToday();
    const revokedOn = input.revokedOn ?? today;
    if (revokedOn > today) throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `撤销认定日期不能晚于今天（${today}）`, 'input.revokedOn');
    return this.changeWorkshop(actor, input.workshopId, [WorkshopStatus.CERTIFIED], (w) => {
      if (w.certifiedOn && revokedOn < w.certifiedOn) {
        throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `撤销认定日期不能早于认定日期（${w.certifiedOn}）`, 'input.revokedOn');
      }
      w.status = WorkshopStatus.REVOKED;
      w.revocationReason = input.reason.trim();
      w.revokedOn = revokedOn;
    });
  }

  private async changeWorkshop(actor: Actor, id: string, from: WorkshopStatus[], change: (w: Workshop) => void): Promise<Workshop> {
    if (!isCountyStaff(actor)) throw forbidden('就业帮扶车间由县人社局认定；乡镇、村工作人员请把材料报县人社局', { reason: 'COUNTY_STAFF_ONLY' });
    return inTransaction(this.dataSource, async (manager) => {
      const workshop = await manager.findOne(Workshop, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!workshop) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '车间不存在');
      await this.scope.assertCovers(actor, workshop.regionCode);
      if (!from.includes(workshop.status)) {
        const word = { PENDING: '待认定', CERTIFIED: '已认定', REVOKED: '已撤销认定' }[workshop.status];
        throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_STATUS, `${workshop.name}当前为"${word}"，不能执行此操作`);
      }
      change(workshop);
      return manager.save(workshop);
    });
  }

  /** Certified workshops are public; others only to the employer's members and staff of the region. */
  async requireVisibleWorkshop(actor: Actor | undefined, id: string): Promise<Workshop> {
    const workshop = await this.dataSource.manager.findOne(Workshop, { where: { id } });
    const notFound = new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '车间不存在，或尚未认定');
    if (!workshop) throw notFound;
    if (workshop.status === WorkshopStatus.CERTIFIED) return workshop;
    if (actor && isStaffOrAdmin(actor) && this.scope.covers(actor, workshop.regionCode)) return workshop;
    if (actor?.role === Role.EMPLOYER && (await this.employers.isMember(actor.accountId, workshop.employerId))) return workshop;
    throw notFound;
  }

  async workshops(actor: Actor | undefined, args: WorkshopsArgs): Promise<ConnectionShape<Workshop>> {
    const qb = this.dataSource.manager.createQueryBuilder(Workshop, 'w');
    if (args.regionCode) await this.inRegion(qb, 'w.region_code', args.regionCode);
    if (args.employerId) qb.andWhere('w.employer_id = :employerId', { employerId: args.employerId });
    if (actor && (actor.role === Role.STAFF || actor.role === Role.ADMIN)) {
      qb.andWhere(`(w.status = 'CERTIFIED' OR ${this.scope.prefixOf(actor) === null ? 'TRUE' : 'w.region_code LIKE :scope'})`, {
        scope: `${actor.regionCode}%`,
      });
    } else if (actor?.role === Role.EMPLOYER) {
      qb.andWhere(
        `(w.status = 'CERTIFIED' OR w.employer_id IN (SELECT m.employer_id FROM ${this.dataSource.getMetadata(EmployerMember).tableName} m WHERE m.account_id = :me))`,
        { me: actor.accountId },
      );
    } else {
      qb.andWhere(`w.status = 'CERTIFIED'`);
    }
    return this.pageByCode(qb, 'w', args);
  }

  // ---- fairs ----

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
    if (!(endsAt > startsAt)) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '结束时间应晚于开始时间', 'input.endsAt');
    if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
      throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '一场招聘会最长 14 天；更长的活动请分场登记', 'input.endsAt');
    }
    if (input.kind === JobFairKind.CARAVAN && !input.caravanId) {
      throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '就业大篷车的一站须填写所属大篷车（caravanId）', 'input.caravanId');
    }
    if (input.kind !== JobFairKind.CARAVAN && input.caravanId) {
      throw new JobSourcesException(
        JobSourcesExceptionCode.FAIR_TIME,
        '只有类型为 CARAVAN 的招聘会属于大篷车；请去掉 caravanId 或把类型改为 CARAVAN',
        'input.caravanId',
      );
    }
    const coordinates = input.latitude !== undefined && input.longitude !== undefined ? parseLatLng(input.latitude, input.longitude) : null;
    return inTransaction(this.dataSource, async (manager) => {
      if (input.caravanId) {
        // The caravan row lock serialises stops being added, so "one stop per township" holds.
        const caravan = await manager.findOne(JobCaravan, { where: { id: input.caravanId }, lock: { mode: 'pessimistic_write' } });
        if (!caravan) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '就业大篷车不存在', 'input.caravanId');
        if (!region.code.startsWith(caravan.countyCode) || region.code.length < 9) {
          throw new JobSourcesException(
            JobSourcesExceptionCode.CARAVAN_OUTSIDE_COUNTY,
            `大篷车的每一站应设在${await this.regions.fullName(caravan.countyCode)}的某个乡镇或村`,
            'input.regionCode',
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
            'input.regionCode',
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
          latitude: coordinates?.latitude ?? null,
          longitude: coordinates?.longitude ?? null,
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
    const limit = clampPageSize(args.first);
    const qb = this.dataSource.manager.createQueryBuilder(JobFair, 'f');
    if (args.regionCode) await this.inRegion(qb, 'f.region_code', args.regionCode);
    if (args.caravanId) qb.andWhere('f.caravan_id = :caravan', { caravan: args.caravanId });
    if (args.upcoming) qb.andWhere('f.ends_at > now()');
    const totalCount = await qb.clone().getCount();
    const cursor = decodeCursor(args.after, 2) as [string, string] | undefined;
    if (cursor) qb.andWhere('(f.starts_at, f.id) > (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const rows = await qb
      .orderBy('f.starts_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      (r) => [r.startsAt.toISOString(), r.id],
      (r) => r,
      totalCount,
    );
  }

  /** Corrects a fair that has not ended (staff covering its place); its kind, place and caravan stay. */
  async updateFair(actor: Actor, input: UpdateJobFairInput): Promise<JobFair> {
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await manager.findOne(JobFair, { where: { id: input.fairId }, lock: { mode: 'pessimistic_write' } });
      if (!fair) throw new JobSourcesException(JobSourcesExceptionCode.SOURCE_NOT_FOUND, '招聘会不存在', 'input.fairId');
      await this.scope.assertCovers(actor, fair.regionCode);
      if (fair.endsAt <= new Date()) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_OVER, `${fair.name}已经结束，不能再修改`);
      const startsAt = input.startsAt ? new Date(input.startsAt) : fair.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : fair.endsAt;
      if (!(endsAt > startsAt)) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '结束时间应晚于开始时间', 'input.endsAt');
      if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
        throw new JobSourcesException(JobSourcesExceptionCode.FAIR_TIME, '一场招聘会最长 14 天；更长的活动请分场登记', 'input.endsAt');
      }
      if ((input.latitude === undefined) !== (input.longitude === undefined)) {
        throw badInput('坐标须同时填写纬度和经度', { field: 'input.latitude', reason: 'INVALID_COORDINATES' });
      }
      const coordinates = input.latitude !== undefined && input.longitude !== undefined ? parseLatLng(input.latitude, input.longitude) : null;
      fair.name = input.name?.trim() ?? fair.name;
      fair.venue = input.venue?.trim() ?? fair.venue;
      fair.organiser = input.organiser?.trim() ?? fair.organiser;
      fair.startsAt = startsAt;
      fair.endsAt = endsAt;
      if (coordinates) Object.assign(fair, coordinates);
      return manager.save(fair);
    });
  }

  /** The caravans touring one county, newest first. */
  async caravans(countyCode: string): Promise<JobCaravan[]> {
    const county = await this.regions.require(countyCode, 'countyCode', [RegionLevel.COUNTY]);
    return this.dataSource.manager.find(JobCaravan, { where: { countyCode: county.code }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** An employer (verified) takes a booth at a fair that has not ended; one booth per employer and fair. */
  async bookBooth(actor: Actor, input: BookFairBoothInput): Promise<FairBooth> {
    const employer = await this.employers.requireManageable(actor, input.employerId);
    this.employers.assertVerified(employer);
    const fair = await this.requireFair(input.fairId);
    if (fair.endsAt <= new Date()) throw new JobSourcesException(JobSourcesExceptionCode.FAIR_OVER, `${fair.name}已经结束，不能再预订展位`);
    try {
      return await this.dataSource.manager.save(
        this.dataSource.manager.create(FairBooth, {
          fairId: fair.id,
          employerId: employer.id,
          boothNumber: input.boothNumber?.trim() || null,
          declaredPosts: input.declaredPosts ?? null,
          createdBy: actor.accountId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new JobSourcesException(JobSourcesExceptionCode.BOOTH_TAKEN, `${employer.name}已在${fair.name}订了展位，无需重复预订`);
      throw error;
    }
  }

  // ---- helpers ----

  private async inRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, regionCode: string): Promise<void> {
    const region = await this.regions.require(regionCode, 'regionCode');
    qb.andWhere(`${column} LIKE :regionPrefix`, { regionPrefix: `${region.code}%` });
  }

  /** Pages stable lists by (region_code, id): nearby places stay together. */
  private async pageByCode<T extends ObjectLiteral & { id: string; regionCode: string }>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    args: { first?: number; after?: string },
  ): Promise<ConnectionShape<T>> {
    const limit = clampPageSize(args.first);
    const totalCount = await qb.clone().getCount();
    const cursor = decodeCursor(args.after, 2) as [string, string] | undefined;
    if (cursor) qb.andWhere(`(${alias}.region_code, ${alias}.id) > (:cRegion, :cId::uuid)`, { cRegion: cursor[0], cId: cursor[1] });
    const rows = await qb
      .orderBy(`${alias}.region_code`, 'ASC')
      .addOrderBy(`${alias}.id`, 'ASC')
      .limit(limit + 1)
      .getMany();
    return toConnection(
      rows,
      limit,
      (r) => [r.regionCode, r.id],
      (r) => r,
      totalCount,
    );
  }
}
