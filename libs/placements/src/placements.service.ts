import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { type Actor, type ConnectionShape, countyToday, isCalendarDate, keysetConnection, type KeysetOrder, parseRegionCode } from '@jobcode/common';
import {
  CONTRACT_ACTIVATED,
  CONTRACT_ENDED,
  type ContractActivatedPayload,
  type ContractEndedPayload,
  isContractActivated,
  isContractEnded,
} from '@jobcode/contracts';
import { inTransaction } from '@jobcode/database';
import { GIG_BOOKING_COMPLETED, type GigBookingCompletedPayload, isGigBookingCompleted } from '@jobcode/gig-bookings';
import { Job, JobKind } from '@jobcode/jobs';
import { OutboxService } from '@jobcode/outbox';
import { RegionScope } from '@jobcode/regions';
import { EmploymentStatus, JobSeeker, SeekersService } from '@jobcode/seekers';

import { destinationOf } from './destination';
import { EndPlacementInput } from './dto/end-placement.input';
import { RecordPlacementInput } from './dto/record-placement.input';
import { Placement } from './placement.entity';
import { MANUAL_SOURCES, PlacementSource } from './placement.enums';
import { type PlacementObject } from './placement.object';
import { placementNotFound, PlacementsException, PlacementsExceptionCode } from './placements.exception';

export interface PlacementFilter {
  regionCode?: string | null;
  jobSeekerId?: string | null;
  currentOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

interface NewPlacement {
  jobSeekerId: string;
  employerId: string | null;
  jobId: string | null;
  workshopId: string | null;
  workplaceName: string | null;
  workplaceRegionCode: string;
  source: PlacementSource;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  originKey: string | null;
  recordedBy: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Placements (务工): entered by staff for work found elsewhere, and written automatically from
 * `contract.activated` / `contract.ended` / `gig.booking.completed`. Automatic rows carry a
 * unique `origin_key`, so a redelivered event never doubles a placement.
 */
@Injectable()
export class PlacementsService implements OnModuleInit {
  private readonly logger = new Logger(PlacementsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly scope: RegionScope,
    private readonly seekers: SeekersService,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe<Partial<ContractActivatedPayload>>(CONTRACT_ACTIVATED, 'placements.from-contract', async (event, { manager }) => {
      if (isContractActivated(event.payload)) return this.fromContract(manager, event.payload);
      this.logger.error(`${event.type} ${event.id}: payload does not follow the shared event contract, no placement written`);
    });
    this.outbox.subscribe<Partial<ContractEndedPayload>>(CONTRACT_ENDED, 'placements.end-contract', async (event, { manager }) => {
      if (isContractEnded(event.payload)) return this.endContract(manager, event.payload);
      this.logger.error(`${event.type} ${event.id}: payload does not follow the shared event contract, nothing ended`);
    });
    this.outbox.subscribe<Partial<GigBookingCompletedPayload>>(GIG_BOOKING_COMPLETED, 'placements.from-gig', async (event, { manager }) => {
      if (isGigBookingCompleted(event.payload)) return this.fromGig(manager, event.payload);
      this.logger.error(`${event.type} ${event.id}: payload does not follow the shared event contract, no placement written`);
    });
  }

  /** Staff enter a placement for a seeker of their region. */
  async record(actor: Actor, input: RecordPlacementInput): Promise<Placement> {
    if (!MANUAL_SOURCES.includes(input.source)) {
      throw new PlacementsException(
        PlacementsExceptionCode.INVALID_PLACEMENT,
        '平台签约和零工的务工记录由系统自动生成，手工登记请选择自主务工、返岗直通车输出、公益性岗位或帮扶车间',
        {
          field: 'input.source',
        },
      );
    }
    const workplace = parseRegionCode(input.workplaceRegionCode, 'input.workplaceRegionCode');
    checkDates(input.startDate, input.endDate ?? null);
    return inTransaction(this.dataSource, async (manager) => {
      const seeker = await manager.findOne(JobSeeker, { where: { id: input.jobSeekerId } });
      if (!seeker || !this.scope.covers(actor, seeker.regionCode)) {
        throw new PlacementsException(PlacementsExceptionCode.SEEKER_NOT_FOUND, '找不到这位求职者，或此人不在您的管辖范围内', { field: 'input.jobSeekerId' });
      }
      if (input.source === PlacementSource.WORKSHOP && !input.workshopId) {
        throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, '来源为帮扶车间时，请选择是哪个帮扶车间', { field: 'input.workshopId' });
      }
      if (input.workshopId) {
        const [workshop] = (await manager.query('SELECT 1 FROM workshop WHERE id = $1', [input.workshopId])) as unknown[];
        if (!workshop)
          throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, '找不到这个帮扶车间，请检查帮扶车间 id', { field: 'input.workshopId' });
      }
      if (input.employerId) {
        const [employer] = (await manager.query('SELECT 1 FROM employer WHERE id = $1', [input.employerId])) as unknown[];
        if (!employer)
          throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, '找不到这个用人单位，请检查用人单位 id', { field: 'input.employerId' });
      }
      const placement = await this.insert(manager, seeker, {
        jobSeekerId: seeker.id,
        employerId: input.employerId ?? null,
        jobId: null,
        workshopId: input.workshopId ?? null,
        workplaceName: input.workplaceName?.trim() || null,
        workplaceRegionCode: workplace,
        source: input.source,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        monthlyIncome: input.monthlyIncome ?? null,
        originKey: null,
        recordedBy: actor.accountId,
      });
      await this.refreshEmploymentStatus(manager, seeker.id);
      return placement!;
    });
  }

  /** Staff record the last day worked. */
  async end(actor: Actor, input: EndPlacementInput): Promise<Placement> {
    checkDates(input.endDate, null, 'input.endDate');
    return inTransaction(this.dataSource, async (manager) => {
      const placement = await manager.findOne(Placement, { where: { id: input.placementId }, lock: { mode: 'pessimistic_write' } });
      if (!placement || !this.scope.covers(actor, placement.homeRegionCode)) throw placementNotFound();
      if (placement.endDate) {
        throw new PlacementsException(PlacementsExceptionCode.ALREADY_ENDED, `这条务工记录已于 ${placement.endDate} 结束；如需更正，请登记一条新的务工记录`);
      }
      if (input.endDate < placement.startDate) {
        throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, `结束日期不能早于开始日期 ${placement.startDate}`, { field: 'input.endDate' });
      }
      placement.endDate = input.endDate;
      await manager.update(Placement, { id: placement.id }, { endDate: input.endDate });
      await this.refreshEmploymentStatus(manager, placement.jobSeekerId);
      return placement;
    });
  }

  /** Placements of the caller's region (or a part of it, or one person), latest start first. */
  async list(actor: Actor, filter: PlacementFilter): Promise<ConnectionShape<PlacementObject>> {
    const qb = this.dataSource.manager.createQueryBuilder(Placement, 'p');
    this.scope.restrict(qb, 'p.home_region_code', actor);
    if (filter.regionCode) {
      const code = parseRegionCode(filter.regionCode, 'regionCode');
      await this.scope.assertCovers(actor, code);
      qb.andWhere('p.home_region_code LIKE :regionPrefix', { regionPrefix: `${code}%` });
    }
    if (filter.jobSeekerId) {
      // Not an id: nobody's placements (an empty page, not an error).
      if (!UUID.test(filter.jobSeekerId)) qb.andWhere('FALSE');
      else qb.andWhere('p.job_seeker_id = :seekerId', { seekerId: filter.jobSeekerId });
    }
    const today = countyToday();
    if (filter.currentOnly) qb.andWhere('p.start_date <= :today AND (p.end_date IS NULL OR p.end_date >= :today)', { today });
    const latestStartFirst: KeysetOrder = {
      keys: [
        { column: 'p.start_date', type: 'date' },
        { column: 'p.id', type: 'uuid' },
      ],
      direction: 'DESC',
    };
    return keysetConnection(qb, filter, latestStartFirst, (p) => this.toObject(p, today));
  }

  toObject(p: Placement, today = countyToday()): PlacementObject {
    return {
      id: p.id,
      jobSeekerId: p.jobSeekerId,
      homeRegionCode: p.homeRegionCode,
      employerId: p.employerId,
      jobId: p.jobId,
      workshopId: p.workshopId,
      workplaceName: p.workplaceName,
      workplaceRegionCode: p.workplaceRegionCode,
      destination: p.destination,
      source: p.source,
      startDate: p.startDate,
      endDate: p.endDate,
      monthlyIncome: p.monthlyIncome,
      current: p.startDate <= today && (p.endDate === null || p.endDate >= today),
    };
  }

  /** `contract.activated`: the job's kind decides the source (public-welfare post, workshop, else contract). */
  async fromContract(manager: EntityManager, payload: ContractActivatedPayload): Promise<void> {
    const seeker = await manager.findOne(JobSeeker, { where: { id: payload.seekerId } });
    if (!seeker) {
      this.logger.warn(`contract.activated ${payload.contractId}: seeker ${payload.seekerId} not found, no placement written`);
      return;
    }
    const job = await manager.findOne(Job, { where: { id: payload.jobId }, select: { id: true, kind: true, workshopId: true } });
    const source =
      job?.kind === JobKind.PUBLIC_WELFARE ? PlacementSource.PUBLIC_WELFARE : job?.workshopId ? PlacementSource.WORKSHOP : PlacementSource.CONTRACT;
    await this.insert(manager, seeker, {
      jobSeekerId: seeker.id,
      employerId: payload.employerId ?? null,
      jobId: payload.jobId,
      workshopId: job?.workshopId ?? null,
      workplaceName: null,
      workplaceRegionCode: payload.workplaceRegionCode,
      source,
      startDate: payload.startDate,
      endDate: payload.endDate,
      monthlyIncome: payload.monthlyWage === null ? null : Math.round(payload.monthlyWage),
      originKey: `contract:${payload.contractId}`,
      recordedBy: null,
    });
    await this.refreshEmploymentStatus(manager, seeker.id);
  }

  /** `contract.ended`: the contract's placement ends on that day (never later than it already ended). */
  async endContract(manager: EntityManager, payload: ContractEndedPayload): Promise<void> {
    const result = await manager.query(
      `UPDATE placement SET end_date = GREATEST(start_date, LEAST(COALESCE(end_date, $2::date), $2::date)), updated_at = now()
       WHERE origin_key = $1 RETURNING job_seeker_id`,
      [`contract:${payload.contractId}`, payload.endDate],
    );
    const rows = (result as [{ job_seeker_id: string }[], number])[0];
    if (!rows?.length) {
      this.logger.warn(`contract.ended ${payload.contractId}: no placement for it`);
      return;
    }
    await this.refreshEmploymentStatus(manager, rows[0].job_seeker_id);
  }

  /** `gig.booking.completed`: one day of gig work. */
  async fromGig(manager: EntityManager, payload: GigBookingCompletedPayload): Promise<void> {
    const seeker = await manager.findOne(JobSeeker, { where: { id: payload.seekerId } });
    if (!seeker) {
      this.logger.warn(`gig.booking.completed ${payload.bookingId}: seeker ${payload.seekerId} not found, no placement written`);
      return;
    }
    await this.insert(manager, seeker, {
      jobSeekerId: seeker.id,
      employerId: payload.employerId,
      jobId: payload.jobId,
      workshopId: null,
      workplaceName: null,
      workplaceRegionCode: payload.workplaceRegionCode,
      source: PlacementSource.GIG,
      startDate: payload.shiftDate,
      endDate: payload.shiftDate,
      monthlyIncome: null,
      originKey: `gig:${payload.bookingId}`,
      recordedBy: null,
    });
  }

  /** Inserts once per origin key; returns the row, or undefined when it already existed. */
  private async insert(manager: EntityManager, seeker: JobSeeker, values: NewPlacement): Promise<Placement | undefined> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Placement)
      .values({ ...values, homeRegionCode: seeker.regionCode, destination: destinationOf(seeker.regionCode, values.workplaceRegionCode) })
      .orIgnore()
      .returning('*')
      .execute();
    const id = (result.identifiers[0] as { id?: string } | undefined)?.id;
    return id ? ((await manager.findOne(Placement, { where: { id } })) ?? undefined) : undefined;
  }

  private async refreshEmploymentStatus(manager: EntityManager, jobSeekerId: string): Promise<void> {
    const today = countyToday();
    const [row] = (await manager.query(
      'SELECT EXISTS (SELECT 1 FROM placement WHERE job_seeker_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)) AS working',
      [jobSeekerId, today],
    )) as { working: boolean }[];
    await this.seekers.setEmploymentStatus(manager, jobSeekerId, row.working ? EmploymentStatus.EMPLOYED : EmploymentStatus.UNEMPLOYED);
  }
}

function checkDates(start: string, end: string | null, field = 'input.startDate'): void {
  if (!isCalendarDate(start)) {
    throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, '日期应为 YYYY-MM-DD 格式的有效日期', { field });
  }
  if (end !== null && end < start) {
    throw new PlacementsException(PlacementsExceptionCode.INVALID_PLACEMENT, `结束日期 ${end} 不能早于开始日期 ${start}`, { field: 'input.endDate' });
  }
}
