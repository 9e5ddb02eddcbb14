import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, type ConnectionShape, countyToday, keysetPage, notFound, parseRegionCode, toConnection } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { Placement } from '@jobcode/placements';
import { RegionScope, RegionsService } from '@jobcode/regions';
import { JobSeeker } from '@jobcode/seekers';

import { RecordFollowUpInput } from './dto/record-follow-up.input';
import { FollowUp } from './follow-up.entity';
import { type FollowUpDueObject, type FollowUpObject, type MonitoredWithoutWorkObject } from './follow-up.object';
import { FOLLOW_UP_SCHEDULE } from './follow-ups.settings';

export interface RegionPage {
  regionCode?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Groups on the 防返贫 list (the brief: monitored and lifted-out people). */
const AT_RISK_GROUPS = ['MONITORED', 'LIFTED_OUT'];

/** 跟踪服务: visits and calls, the due/overdue list from the county's schedule, and the 防返贫 list. */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly regions: RegionsService,
    private readonly settings: CountySettingsService,
  ) {}

  async record(actor: Actor, input: RecordFollowUpInput): Promise<FollowUp> {
    const today = countyToday();
    if (input.visitedOn > today) throw badInput(`回访日期不能晚于今天（${today}）`, { field: 'input.visitedOn' });
    const seeker = await this.dataSource.manager.findOne(JobSeeker, { where: { id: input.jobSeekerId } });
    if (!seeker || !this.scope.covers(actor, seeker.regionCode)) throw notFound('找不到这位求职者，或此人不在您的管辖范围内', { field: 'input.jobSeekerId' });
    if (input.placementId) {
      const placement = await this.dataSource.manager.findOne(Placement, { where: { id: input.placementId } });
      if (!placement || placement.jobSeekerId !== seeker.id) throw badInput('这条务工记录不属于此人，请重新选择', { field: 'input.placementId' });
    }
    return this.dataSource.manager.save(
      this.dataSource.manager.create(FollowUp, {
        jobSeekerId: seeker.id,
        homeRegionCode: seeker.regionCode,
        placementId: input.placementId ?? null,
        visitedOn: input.visitedOn,
        way: input.way,
        stillEmployed: input.stillEmployed ?? null,
        monthlyIncome: input.monthlyIncome ?? null,
        needs: input.needs?.trim() || null,
        nextStep: input.nextStep?.trim() || null,
        recordedBy: actor.accountId,
      }),
    );
  }

  toObject(f: FollowUp): FollowUpObject {
    return {
      id: f.id,
      jobSeekerId: f.jobSeekerId,
      placementId: f.placementId,
      visitedOn: f.visitedOn,
      way: f.way,
      stillEmployed: f.stillEmployed,
      monthlyIncome: f.monthlyIncome,
      needs: f.needs,
      nextStep: f.nextStep,
    };
  }

  /**
   * People of the followed-up groups who work today, with the day their next follow-up is due:
   * the placement's start + firstAfterDays when nobody has visited since it started, else the
   * last visit + intervalDays. Due within `withinDays` (overdue ones first).
   */
  async due(actor: Actor, page: RegionPage & { withinDays?: number | null; overdueOnly?: boolean | null }): Promise<ConnectionShape<FollowUpDueObject>> {
    const region = await this.regionOf(actor, page.regionCode);
    const { limit, after } = keysetPage(page, ['date', 'uuid']);
    const schedule = await this.settings.get(FOLLOW_UP_SCHEDULE, region.slice(0, 6));
    const within = page.withinDays ?? 14;
    if (!Number.isInteger(within) || within < 0 || within > 366) throw badInput('提前天数应为 0 到 366 的整数', { field: 'withinDays' });
    const today = countyToday();
    const rows = (await this.dataSource.query(
      `WITH current AS (
         SELECT DISTINCT ON (p.job_seeker_id) p.job_seeker_id, p.id AS placement_id, p.start_date
           FROM placement p
          WHERE p.home_region_code LIKE $1 AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
            AND EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id AND g.support_group_code = ANY($3::text[]))
          ORDER BY p.job_seeker_id, p.start_date DESC, p.id
       ), scheduled AS (
         SELECT c.*, v.last_on,
                CASE WHEN v.last_on IS NULL THEN c.start_date + $4::int ELSE v.last_on + $5::int END AS due_on
           FROM current c
           LEFT JOIN LATERAL (SELECT max(f.visited_on) AS last_on FROM follow_up f WHERE f.job_seeker_id = c.job_seeker_id AND f.visited_on >= c.start_date) v ON TRUE
       ), matching AS (
         SELECT s.job_seeker_id, s.placement_id, s.start_date, s.last_on, s.due_on, js.name, js.region_code
           FROM scheduled s JOIN job_seeker js ON js.id = s.job_seeker_id
          WHERE s.due_on <= CASE WHEN $6::boolean THEN $2::date - 1 ELSE $2::date + $7::int END
       )
       SELECT t.total, m.job_seeker_id::text, m.placement_id::text, m.start_date::text, m.last_on::text, m.due_on::text, ($2::date - m.due_on) AS late, m.name, m.region_code
         FROM (SELECT count(*)::int AS total FROM matching) t
         LEFT JOIN LATERAL (
           SELECT * FROM matching WHERE ($8::date IS NULL OR (due_on, job_seeker_id) > ($8::date, $9::uuid)) ORDER BY due_on, job_seeker_id LIMIT $10
         ) m ON TRUE`,
      [
        `${region}%`,
        today,
        schedule.supportGroups,
        schedule.firstAfterDays,
        schedule.intervalDays,
        page.overdueOnly ?? false,
        within,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
      ],
    )) as {
      total: number;
      job_seeker_id: string | null;
      placement_id: string;
      start_date: string;
      last_on: string | null;
      due_on: string;
      late: number;
      name: string;
      region_code: string;
    }[];
    const found = rows.filter((r): r is (typeof rows)[number] & { job_seeker_id: string } => r.job_seeker_id !== null);
    return toConnection(
      found,
      limit,
      (r) => [r.due_on, r.job_seeker_id],
      (r) => ({
        jobSeekerId: r.job_seeker_id,
        name: r.name,
        regionCode: r.region_code,
        placementId: r.placement_id,
        placementStartDate: r.start_date,
        lastFollowUpOn: r.last_on,
        dueOn: r.due_on,
        overdue: r.late > 0,
        daysOverdue: Math.max(0, r.late),
      }),
      rows[0].total,
    );
  }

  /** 防返贫: monitored or lifted-out people with labour capacity (FULL or WEAK) and no placement today, village by village. */
  async monitoredWithoutWork(actor: Actor, page: RegionPage): Promise<ConnectionShape<MonitoredWithoutWorkObject>> {
    const region = await this.regionOf(actor, page.regionCode);
    const { limit, after } = keysetPage(page, ['text', 'uuid']);
    const today = countyToday();
    const rows = (await this.dataSource.query(
      `WITH matching AS (
         SELECT s.id, s.name, s.region_code, s.labor_capacity
           FROM job_seeker s
          WHERE s.region_code LIKE $1 AND s.labor_capacity IN ('FULL', 'WEAK')
            AND EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id AND g.support_group_code = ANY($3::text[]))
            AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.job_seeker_id = s.id AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date))
       )
       SELECT t.total, s.id::text, s.name, s.region_code, s.labor_capacity, groups.codes, last.on::text AS last_on, ($2::date - last.on) AS days
         FROM (SELECT count(*)::int AS total FROM matching) t
         LEFT JOIN LATERAL (
           SELECT * FROM matching WHERE ($4::text IS NULL OR (region_code, id) > ($4::text, $5::uuid)) ORDER BY region_code, id LIMIT $6
         ) s ON TRUE
         LEFT JOIN LATERAL (SELECT array_agg(g.support_group_code ORDER BY g.support_group_code) AS codes FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id) groups ON TRUE
         LEFT JOIN LATERAL (SELECT max(f.visited_on) AS on FROM follow_up f WHERE f.job_seeker_id = s.id) last ON TRUE
        ORDER BY s.region_code, s.id`,
      [`${region}%`, today, AT_RISK_GROUPS, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as {
      total: number;
      id: string | null;
      name: string;
      region_code: string;
      labor_capacity: string;
      codes: string[];
      last_on: string | null;
      days: number | null;
    }[];
    const nodes: MonitoredWithoutWorkObject[] = [];
    for (const r of rows) {
      if (r.id === null) continue;
      nodes.push({
        jobSeekerId: r.id,
        name: r.name,
        regionCode: r.region_code,
        villageName: await this.regions.nameOf(r.region_code),
        supportGroups: r.codes,
        laborCapacity: r.labor_capacity,
        lastFollowUpOn: r.last_on,
        daysSinceLastFollowUp: r.days,
      });
    }
    return toConnection(
      nodes,
      limit,
      (n) => [n.regionCode, n.jobSeekerId],
      (n) => n,
      rows[0].total,
    );
  }

  /** The region asked for (inside the caller's scope) or the caller's own; an ADMIN must name one (the schedule is per county). */
  private async regionOf(actor: Actor, regionCode?: string | null): Promise<string> {
    if (regionCode) {
      const code = parseRegionCode(regionCode, 'regionCode');
      if (code.length < 6) throw badInput('请选择县、乡镇或村（区划代码 6、9 或 12 位）', { field: 'regionCode' });
      await this.scope.assertCovers(actor, code);
      return code;
    }
    const prefix = this.scope.prefixOf(actor);
    if (!prefix || prefix.length < 6) throw badInput('请指定要查看的县、乡镇或村（区划代码）', { field: 'regionCode' });
    return prefix;
  }
}
