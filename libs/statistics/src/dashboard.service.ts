import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, countyDateSql, countyInstantSql } from '@jobcode/common';
import { FAIR_POSTS_DEFINITION, fairPostsSql } from '@jobcode/jobs';
import { RegionsService } from '@jobcode/regions';

import {
  type FairStatsObject,
  type FairStatsRowObject,
  type FairStatsTotalObject,
  type FigureChangeObject,
  FunnelGroupBy,
  type ScanFunnelFigureObject,
  type ScanFunnelGroupObject,
  type ScanFunnelObject,
  type WorkshopStatsObject,
  type WorkshopStatsRowObject,
  type WorkshopStatsTotalObject,
} from './dashboard.objects';
import { changePercent, resolvePeriod } from './period';
import { StatisticsService } from './statistics.service';

export interface DashboardQuery {
  region?: string | null;
  period: { year?: number | null; from?: string | null; to?: string | null };
}

/** How long after a scan an application by the same person still counts as following it. */
export const FUNNEL_WINDOW_DAYS = 7;

export const FUNNEL_DEFINITION =
  '扫码 → 报名 → 合同，每一步是上一步的子集（同一批人的追踪）：' +
  '扫码次数为统计期内（县时间）对岗位、零工驿站、帮扶车间、招聘会的码的每一次扫码，扫码人数只计已登录的账号（去重）；' +
  `报名只计跟在扫码之后的报名：同一个人（报名的求职者本人的账号）在统计期内扫了该岗位的码或其所属驿站、车间、招聘会的码，并在扫码后 ${FUNNEL_WINDOW_DAYS} 天内（且在统计期内）报名，` +
  '一次报名只归入它之前最近的那次扫码；代为报名的同样按求职者本人的扫码计，没有扫码在先的报名不计入；报名人数为这些报名的账号去重。' +
  '发出合同为这些报名在统计期末前发给求职者签署的合同份数，生效合同为其中在统计期末前双方签署生效的份数，签约人数为其去重。' +
  '区域、渠道和对象按报名所跟的那次扫码计（按乡镇分组时亦同）；扫岗位码计入岗位所属的驿站、车间或招聘会。转化率 = 报名人数 / 扫码人数、生效合同 / 报名次数。';

export const FAIR_DEFINITION =
  `统计期内（县时间）在本区域举办的招聘会：参会用人单位为展位数；${FAIR_POSTS_DEFINITION}（与招聘会页面的合计相同）；` +
  '到场人数为现场扫个人码登记的求职者（每场每人计一次）；录用人数为该招聘会岗位的报名中已录用的求职者（去重，不限录用日期）。合计另给用人单位和到场求职者的去重人数。';

export const WORKSHOP_DEFINITION =
  '帮扶车间数：区域内期末时处于认定状态（认定日期不晚于期末，且未撤销或撤销日期晚于期末）的车间；新认定：统计期内获得认定（含重新认定、含期内又被撤销的）的车间。' +
  '吸纳就业人数：统计期内在区域内帮扶车间有务工记录（开始不晚于期末，且未结束或结束不早于期初；只计车间认定期间的务工）的人，按人去重；其中脱贫人口为帮扶类别含“脱贫人口”（LIFTED_OUT）的人（只计工作人员登记或确认的，本人自报待确认的不计入）。区域按车间所在地计。';

/** County-date bounds of a period as timestamps: [$1 00:00, $2 + 1 day 00:00) on the county's clock. */
const IN_PERIOD = (column: string) => `${column} >= ${countyInstantSql('$1::date')} AND ${column} < ${countyInstantSql('$2::date + 1')}`;

/** The channel a job is published through, and the object (station, workshop, fair) or the job itself. */
const CHANNEL = `CASE WHEN j.station_id IS NOT NULL THEN 'GIG_STATION' WHEN j.workshop_id IS NOT NULL THEN 'WORKSHOP' WHEN j.fair_id IS NOT NULL THEN 'JOB_FAIR' ELSE 'JOB' END`;
const CHANNEL_TARGET = `coalesce(j.station_id, j.workshop_id, j.fair_id, j.id)`;

/**
 * One row per step: kind, target, who (the scanning account), the item (application or
 * contract) and the region, all taken from the scan the step follows, so that each step is a
 * subset of the one before. $1 from, $2 to, $3 region prefix.
 */
const FUNNEL_EVENTS = `
WITH scans AS (
  SELECT CASE WHEN e.target_kind = 'JOB' THEN coalesce(jc.kind, 'JOB') ELSE e.target_kind END AS kind,
         CASE WHEN e.target_kind = 'JOB' THEN coalesce(jc.target, e.target_id) ELSE e.target_id END AS target,
         e.target_kind AS code_kind, e.target_id AS code_target, e.account_id AS who, e.region_code AS region, e.scanned_at
    FROM scan_event e
    LEFT JOIN LATERAL (SELECT ${CHANNEL} AS kind, ${CHANNEL_TARGET} AS target FROM job j WHERE j.id = e.target_id) jc ON e.target_kind = 'JOB'
   WHERE e.region_code LIKE $3 AND ${IN_PERIOD('e.scanned_at')} AND e.target_kind IN ('JOB', 'GIG_STATION', 'WORKSHOP', 'JOB_FAIR')
), applications AS (
  SELECT DISTINCT ON (a.id) s.kind, s.target, s.who, a.id AS item, s.region
    FROM application a
    JOIN job j ON j.id = a.job_id
    JOIN job_seeker js ON js.id = a.job_seeker_id
    JOIN scans s ON s.who = js.account_id
                AND s.scanned_at <= a.created_at AND a.created_at < s.scanned_at + interval '${FUNNEL_WINDOW_DAYS} days'
                AND ((s.code_kind = 'JOB' AND s.code_target = j.id) OR (s.code_kind = 'GIG_STATION' AND s.code_target = j.station_id)
                  OR (s.code_kind = 'WORKSHOP' AND s.code_target = j.workshop_id) OR (s.code_kind = 'JOB_FAIR' AND s.code_target = j.fair_id))
   WHERE ${IN_PERIOD('a.created_at')}
   ORDER BY a.id, s.scanned_at DESC
), sent AS (
  SELECT ap.kind, ap.target, ap.who, c.id AS item, ap.region, c.activated_at
    FROM applications ap JOIN contract c ON c.application_id = ap.item
   WHERE EXISTS (SELECT 1 FROM contract_event ce WHERE ce.contract_id = c.id AND ce.kind = 'SENT'
                    AND ce.occurred_at < ${countyInstantSql('$2::date + 1')})
)
SELECT kind, target, 'SCAN' AS step, who, NULL::uuid AS item, region FROM scans
UNION ALL
SELECT kind, target, 'APPLICATION', who, item, region FROM applications
UNION ALL
SELECT kind, target, 'SENT', who, item, region FROM sent
UNION ALL
SELECT kind, target, 'ACTIVE', who, item, region FROM sent
 WHERE activated_at IS NOT NULL AND activated_at < ${countyInstantSql('$2::date + 1')}`;

const FUNNEL_COUNTS = `
  count(*) FILTER (WHERE step = 'SCAN')::int AS scans,
  count(DISTINCT who) FILTER (WHERE step = 'SCAN')::int AS scanners,
  count(*) FILTER (WHERE step = 'APPLICATION')::int AS applications,
  count(DISTINCT who) FILTER (WHERE step = 'APPLICATION')::int AS applicants,
  count(DISTINCT item) FILTER (WHERE step = 'SENT')::int AS contracts_sent,
  count(*) FILTER (WHERE step = 'ACTIVE')::int AS contracts_active,
  count(DISTINCT who) FILTER (WHERE step = 'ACTIVE')::int AS people_contracted`;

interface FunnelRow {
  kind?: string;
  target?: string;
  scans: number;
  scanners: number;
  applications: number;
  applicants: number;
  contracts_sent: number;
  contracts_active: number;
  people_contracted: number;
}

export const CHANNEL_LABEL: Record<string, string> = { GIG_STATION: '零工驿站', WORKSHOP: '就业帮扶车间', JOB_FAIR: '招聘会', JOB: '直接发布的岗位' };
const MAX_TARGETS = 100;

const FAIRS_SQL = `
SELECT f.id::text AS fair_id, f.name, ${countyDateSql('f.starts_at')}::text AS date, f.venue, f.region_code,
       (SELECT count(*) FROM fair_booth b WHERE b.fair_id = f.id)::int AS employers,
       ${fairPostsSql('f.id')} AS posts,
       (SELECT count(*) FROM fair_attendance fa WHERE fa.fair_id = f.id)::int AS attendance,
       (SELECT count(DISTINCT a.job_seeker_id) FROM application a JOIN job j ON j.id = a.job_id WHERE j.fair_id = f.id AND a.status = 'HIRED')::int AS hires
  FROM job_fair f
 WHERE f.region_code LIKE $3 AND ${IN_PERIOD('f.starts_at')}
 ORDER BY f.starts_at, f.id`;

const FAIR_TOTALS_SQL = `
SELECT (SELECT count(DISTINCT b.employer_id) FROM fair_booth b WHERE b.fair_id = ANY($1::uuid[]))::int AS distinct_employers,
       (SELECT count(DISTINCT fa.seeker_id) FROM fair_attendance fa WHERE fa.fair_id = ANY($1::uuid[]))::int AS distinct_attendees,
       (SELECT count(DISTINCT a.job_seeker_id) FROM application a JOIN job j ON j.id = a.job_id WHERE j.fair_id = ANY($1::uuid[]) AND a.status = 'HIRED')::int AS hires`;

/**
 * Placements at workshops of the region with a day in the period on which the workshop was
 * certified (a span of workshop_certification: from its certification to the day before its
 * revocation). $1 from, $2 to, $3 region prefix.
 * PlacementLedgerService's workshop filter lists the same placements.
 */
const WORKSHOP_PEOPLE = `
SELECT p.workshop_id, p.job_seeker_id,
       EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id AND g.support_group_code = 'LIFTED_OUT') AS lifted_out
  FROM placement p JOIN workshop w ON w.id = p.workshop_id
 WHERE w.region_code LIKE $3 AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $1::date)
   AND EXISTS (SELECT 1 FROM workshop_certification c WHERE c.workshop_id = w.id
                 AND GREATEST(p.start_date, $1::date, c.certified_on) <= LEAST(coalesce(p.end_date, 'infinity'::date), $2::date, coalesce(c.revoked_on - 1, 'infinity'::date)))`;

const WORKSHOPS_SQL = `
WITH people AS (${WORKSHOP_PEOPLE}),
per_workshop AS (
  SELECT workshop_id, count(DISTINCT job_seeker_id)::int AS people, count(DISTINCT job_seeker_id) FILTER (WHERE lifted_out)::int AS lifted_out
    FROM people GROUP BY workshop_id)
SELECT w.id::text AS workshop_id, w.name, w.region_code, w.status, w.certified_on::text AS certified_on,
       coalesce(pw.people, 0) AS people, coalesce(pw.lifted_out, 0) AS lifted_out
  FROM workshop w LEFT JOIN per_workshop pw ON pw.workshop_id = w.id
 WHERE w.region_code LIKE $3 AND (pw.workshop_id IS NOT NULL OR EXISTS (SELECT 1 FROM workshop_certification c WHERE c.workshop_id = w.id AND c.certified_on <= $2::date AND (c.revoked_on IS NULL OR c.revoked_on > $1::date)))
 ORDER BY coalesce(pw.people, 0) DESC, w.name, w.id`;

const WORKSHOP_TOTALS_SQL = `
WITH people AS (${WORKSHOP_PEOPLE})
SELECT (SELECT count(DISTINCT c.workshop_id) FROM workshop_certification c JOIN workshop w ON w.id = c.workshop_id
         WHERE w.region_code LIKE $3 AND c.certified_on <= $2::date AND (c.revoked_on IS NULL OR c.revoked_on > $2::date))::int AS workshops,
       (SELECT count(DISTINCT c.workshop_id) FROM workshop_certification c JOIN workshop w ON w.id = c.workshop_id
         WHERE w.region_code LIKE $3 AND c.certified_on BETWEEN $1::date AND $2::date)::int AS newly_certified,
       (SELECT count(DISTINCT job_seeker_id) FROM people)::int AS people,
       (SELECT count(DISTINCT job_seeker_id) FROM people WHERE lifted_out)::int AS lifted_out`;

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 100;
}

function funnelFigure(row: FunnelRow): ScanFunnelFigureObject {
  return {
    scans: row.scans,
    scanners: row.scanners,
    applications: row.applications,
    applicants: row.applicants,
    contractsSent: row.contracts_sent,
    contractsActive: row.contracts_active,
    peopleContracted: row.people_contracted,
    applicationRate: percent(row.applicants, row.scanners),
    contractRate: percent(row.contracts_active, row.applications),
  };
}

const FUNNEL_LABELS: Record<string, string> = {
  scans: '扫码次数',
  scanners: '扫码人数',
  applications: '报名次数',
  applicants: '报名人数',
  contractsSent: '发出合同',
  contractsActive: '生效合同',
  peopleContracted: '签约人数',
};
const FAIR_LABELS: Record<string, string> = {
  fairs: '举办场次',
  employers: '参会单位（展位）',
  distinctEmployers: '参会单位（去重）',
  posts: '提供岗位',
  attendance: '到场人次',
  distinctAttendees: '到场人数（去重）',
  hires: '录用人数',
};
const WORKSHOP_LABELS: Record<string, string> = {
  workshops: '帮扶车间',
  newlyCertified: '新认定车间',
  peopleEmployed: '吸纳就业人数',
  liftedOut: '其中脱贫人口',
};

/** Each labelled count of a total beside the same count a year earlier. */
function changesOf<T extends object>(current: T, previous: T, labels: Record<string, string>): FigureChangeObject[] {
  return Object.entries(labels).map(([figure, label]) => {
    const now = (current as Record<string, number>)[figure];
    const then = (previous as Record<string, number>)[figure];
    return { figure, label, current: now, previous: then, changePercent: changePercent(now, then) };
  });
}

/**
 * Dashboard figures besides placementStats: the scan funnel, job fairs and workshops. Each is
 * read inside the caller's region (StatisticsService.regionOf) and comes with its definition.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: StatisticsService,
    private readonly regions: RegionsService,
  ) {}

  private async scope(actor: Actor, query: DashboardQuery) {
    const region = await this.statistics.regionOf(actor, query.region);
    const period = resolvePeriod(query.period);
    return {
      region,
      period,
      params: [period.from, period.to, `${region ?? ''}%`],
      previousParams: [period.previousFrom, period.previousTo, `${region ?? ''}%`],
      previousPeriod: { from: period.previousFrom, to: period.previousTo },
      head: { regionCode: region, regionName: region ? await this.regions.fullName(region) : '全部', period: { from: period.from, to: period.to } },
    };
  }

  async scanFunnel(actor: Actor, query: DashboardQuery & { groupBy?: FunnelGroupBy | null }): Promise<ScanFunnelObject> {
    const { params, previousParams, previousPeriod, head } = await this.scope(actor, query);
    const funnelTotal = async (p: unknown[]) =>
      funnelFigure(((await this.dataSource.query(`SELECT ${FUNNEL_COUNTS} FROM (${FUNNEL_EVENTS}) ev`, p)) as FunnelRow[])[0]);
    const [total, previousTotal] = [await funnelTotal(params), await funnelTotal(previousParams)];
    let groups: ScanFunnelGroupObject[] = [];
    if (query.groupBy === FunnelGroupBy.TARGET_KIND) {
      const rows = (await this.dataSource.query(`SELECT kind, ${FUNNEL_COUNTS} FROM (${FUNNEL_EVENTS}) ev GROUP BY kind`, params)) as FunnelRow[];
      const byKind = new Map(rows.map((r) => [r.kind, r]));
      const none = { scans: 0, scanners: 0, applications: 0, applicants: 0, contracts_sent: 0, contracts_active: 0, people_contracted: 0 };
      groups = Object.keys(CHANNEL_LABEL).map((kind) => ({ key: kind, label: CHANNEL_LABEL[kind], ...funnelFigure(byKind.get(kind) ?? none) }));
    } else if (query.groupBy === FunnelGroupBy.TOWNSHIP) {
      const rows = (await this.dataSource.query(
        `SELECT left(region, 9) AS target, ${FUNNEL_COUNTS} FROM (${FUNNEL_EVENTS}) ev GROUP BY 1 ORDER BY 1`,
        params,
      )) as (FunnelRow & { target: string })[];
      groups = [];
      for (const r of rows) groups.push({ key: r.target, label: await this.regions.nameOf(r.target), ...funnelFigure(r) });
    } else if (query.groupBy === FunnelGroupBy.TARGET) {
      const rows = (await this.dataSource.query(
        `SELECT kind, target::text AS target, ${FUNNEL_COUNTS} FROM (${FUNNEL_EVENTS}) ev GROUP BY kind, target
          ORDER BY scans DESC, applications DESC, target LIMIT ${MAX_TARGETS}`,
        params,
      )) as (FunnelRow & { kind: string; target: string })[];
      const labels = await this.targetLabels(rows);
      groups = rows.map((r) => ({
        key: `${r.kind}:${r.target}`,
        label: `${CHANNEL_LABEL[r.kind] ?? r.kind}：${labels.get(r.target) ?? r.target}`,
        ...funnelFigure(r),
      }));
    }
    return { definition: FUNNEL_DEFINITION, ...head, total, previousPeriod, previousTotal, changes: changesOf(total, previousTotal, FUNNEL_LABELS), groups };
  }

  private async targetLabels(rows: { kind: string; target: string }[]): Promise<Map<string, string>> {
    const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.target);
    const named = (await this.dataSource.query(
      `SELECT id::text, name FROM gig_station WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM workshop WHERE id = ANY($2::uuid[])
       UNION ALL SELECT id::text, name FROM job_fair WHERE id = ANY($3::uuid[])
       UNION ALL SELECT id::text, title FROM job WHERE id = ANY($4::uuid[])`,
      [ids('GIG_STATION'), ids('WORKSHOP'), ids('JOB_FAIR'), ids('JOB')],
    )) as { id: string; name: string }[];
    return new Map(named.map((n) => [n.id, n.name]));
  }

  async fairStats(actor: Actor, query: DashboardQuery): Promise<FairStatsObject> {
    const { params, previousParams, previousPeriod, head } = await this.scope(actor, query);
    const fairs = await this.fairRows(params);
    const total = await this.fairTotal(fairs);
    const previousTotal = await this.fairTotal(await this.fairRows(previousParams));
    return { definition: FAIR_DEFINITION, ...head, total, previousPeriod, previousTotal, changes: changesOf(total, previousTotal, FAIR_LABELS), fairs };
  }

  private async fairTotal(fairs: FairStatsRowObject[]): Promise<FairStatsTotalObject> {
    const [totals] = (await this.dataSource.query(FAIR_TOTALS_SQL, [fairs.map((f) => f.fairId)])) as {
      distinct_employers: number;
      distinct_attendees: number;
      hires: number;
    }[];
    const sum = (pick: (f: FairStatsRowObject) => number) => fairs.reduce((n, f) => n + pick(f), 0);
    return {
      fairs: fairs.length,
      employers: sum((f) => f.employers),
      distinctEmployers: totals.distinct_employers,
      posts: sum((f) => f.posts),
      attendance: sum((f) => f.attendance),
      distinctAttendees: totals.distinct_attendees,
      hires: totals.hires,
    };
  }

  /** One row per fair of the region held in the period (the fair ledger's rows too). */
  async fairRows(params: unknown[]): Promise<FairStatsRowObject[]> {
    const rows = (await this.dataSource.query(FAIRS_SQL, params)) as {
      fair_id: string;
      name: string;
      date: string;
      venue: string;
      region_code: string;
      employers: number;
      posts: number;
      attendance: number;
      hires: number;
    }[];
    return rows.map((r) => ({
      fairId: r.fair_id,
      name: r.name,
      date: r.date,
      venue: r.venue,
      regionCode: r.region_code,
      employers: r.employers,
      posts: r.posts,
      attendance: r.attendance,
      hires: r.hires,
    }));
  }

  async workshopStats(actor: Actor, query: DashboardQuery): Promise<WorkshopStatsObject> {
    const { params, previousParams, previousPeriod, head } = await this.scope(actor, query);
    const rows = (await this.dataSource.query(WORKSHOPS_SQL, params)) as {
      workshop_id: string;
      name: string;
      region_code: string;
      status: string;
      certified_on: string | null;
      people: number;
      lifted_out: number;
    }[];
    const total = await this.workshopTotal(params);
    const previousTotal = await this.workshopTotal(previousParams);
    const workshops: WorkshopStatsRowObject[] = rows.map((r) => ({
      workshopId: r.workshop_id,
      name: r.name,
      regionCode: r.region_code,
      status: r.status,
      certifiedOn: r.certified_on,
      peopleEmployed: r.people,
      liftedOut: r.lifted_out,
      liftedOutPercent: percent(r.lifted_out, r.people),
    }));
    return {
      definition: WORKSHOP_DEFINITION,
      ...head,
      total,
      previousPeriod,
      previousTotal,
      changes: changesOf(total, previousTotal, WORKSHOP_LABELS),
      workshops,
    };
  }

  private async workshopTotal(params: unknown[]): Promise<WorkshopStatsTotalObject> {
    const [t] = (await this.dataSource.query(WORKSHOP_TOTALS_SQL, params)) as {
      workshops: number;
      newly_certified: number;
      people: number;
      lifted_out: number;
    }[];
    return {
      workshops: t.workshops,
      newlyCertified: t.newly_certified,
      peopleEmployed: t.people,
      liftedOut: t.lifted_out,
      liftedOutPercent: percent(t.lifted_out, t.people),
    };
  }

  /** Region and period of a ledger export, checked like the figures. */
  async ledgerScope(actor: Actor, query: DashboardQuery): Promise<{ region: string | null; from: string; to: string; place: string; params: unknown[] }> {
    const { region, period, params, head } = await this.scope(actor, query);
    return { region, from: period.from, to: period.to, place: region ? head.regionName : '全部', params };
  }
}
