import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, type ConnectionShape, countyToday, forbidden, isStaffOrAdmin, parseGeoPoint, RegionLevel, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { EmployerMember, EmployersService, isCountyStaff } from '@jobcode/employers';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { CertifyWorkshopInput, CreateWorkshopInput, RevokeWorkshopInput, WorkshopsArgs } from './dto/job-sources.inputs';
import { JobSourcesException, JobSourcesExceptionCode } from './job-sources.exception';
import { inRegion, pageByRegionCode } from './job-sources.paging';
import { Workshop, WorkshopStatus } from './workshop.entity';

/**
 * Poverty-alleviation workshops (就业帮扶车间): opened in a village by a verified employer,
 * certified and revoked by county staff, public once certified.
 */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
    private readonly employers: EmployersService,
  ) {}

  async createWorkshop(actor: Actor, input: CreateWorkshopInput): Promise<Workshop> {
    const employer = await this.employers.requireManageable(actor, input.employerId);
    this.employers.assertVerified(employer);
    const region = await this.regions.require(input.regionCode, 'input.regionCode');
    if (region.level !== RegionLevel.VILLAGE) {
      throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_NOT_IN_VILLAGE, `就业帮扶车间应设在村里，请选择村一级的区划（${region.name}是上级区划）`, {
        field: 'input.regionCode',
      });
    }
    if (isStaffOrAdmin(actor)) await this.scope.assertCovers(actor, region.code);
    const { lat: latitude, lng: longitude } = parseGeoPoint(input.latitude, input.longitude);
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
      throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `认定日期不能晚于今天（${today}）`, { field: 'input.certifiedOn' });
    return this.changeWorkshop(actor, input.workshopId, [WorkshopStatus.PENDING, WorkshopStatus.REVOKED], (w) => {
      // Certified again: from the new date on, never before the revocation (one certified span is kept).
      if (w.revokedOn && input.certifiedOn < w.revokedOn) {
        throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `重新认定的日期不能早于撤销认定的日期（${w.revokedOn}）`, {
          field: 'input.certifiedOn',
        });
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
    if (revokedOn > today)
      throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `撤销认定日期不能晚于今天（${today}）`, { field: 'input.revokedOn' });
    return this.changeWorkshop(actor, input.workshopId, [WorkshopStatus.CERTIFIED], (w) => {
      if (w.certifiedOn && revokedOn < w.certifiedOn) {
        throw new JobSourcesException(JobSourcesExceptionCode.WORKSHOP_DATE, `撤销认定日期不能早于认定日期（${w.certifiedOn}）`, { field: 'input.revokedOn' });
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
    if (args.regionCode) await inRegion(this.regions, qb, 'w.region_code', args.regionCode);
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
    return pageByRegionCode(qb, 'w', args);
  }
}
