import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, countyToday, isCalendarDate, parseRegionCode } from '@jobcode/common';
import { CountySettingsService } from '@jobcode/county-settings';
import { DESTINATION_LABEL, Destination } from '@jobcode/placements';
import { RegionScope } from '@jobcode/regions';

import { HIRING_BONUS, TRANSPORT_SUBSIDY, WORKSHOP_SUBSIDY } from './policy-rules.settings';
import { SubsidyEligibilityObject, SubsidyKind } from './subsidy.object';

export interface EligibilityQuery {
  kind: SubsidyKind;
  regionCode?: string | null;
  year: number;
  /** Day the rules are evaluated on (workers employed that day; months worked up to it); default today or the year's last day. */
  asOf?: string | null;
}

const pct = (n: number) => n.toFixed(2);

/**
 * DESIGN.md §5: each subsidy evaluated from the data against the county's settings, with one
 * line of explanation per rule saying why it passes or fails.
 */
@Injectable()
export class PolicyRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly settings: CountySettingsService,
  ) {}

  async eligibility(actor: Actor, query: EligibilityQuery): Promise<SubsidyEligibilityObject[]> {
    if (!Number.isInteger(query.year) || query.year < 2000 || query.year > 2100) throw badInput('年度应在 2000 到 2100 之间', { field: 'year' });
    const region = query.regionCode ? parseRegionCode(query.regionCode, 'regionCode') : this.scope.prefixOf(actor);
    if (!region || region.length < 6) throw badInput('请指定县、乡镇或村（区划代码 6、9 或 12 位）', { field: 'regionCode' });
    await this.scope.assertCovers(actor, region);
    const today = countyToday();
    const yearEnd = `${query.year}-12-31`;
    const asOf = query.asOf ?? (yearEnd < today ? yearEnd : today);
    if (!isCalendarDate(asOf)) throw badInput('判定日期应为 YYYY-MM-DD 格式', { field: 'asOf' });
    const county = region.slice(0, 6);
    switch (query.kind) {
      case SubsidyKind.WORKSHOP_SUBSIDY:
        return this.workshops(region, county, asOf);
      case SubsidyKind.HIRING_BONUS:
        return this.hiringBonus(region, county, query.year);
      case SubsidyKind.TRANSPORT_SUBSIDY:
        return this.transport(region, county, query.year, asOf);
    }
  }

  /** Per certified workshop of the region: workers on `asOf`, the lifted-out share, and their contract length. */
  private async workshops(region: string, county: string, asOf: string): Promise<SubsidyEligibilityObject[]> {
    const rule = await this.settings.get(WORKSHOP_SUBSIDY, county);
    const rows = (await this.dataSource.query(
      `SELECT w.id::text, w.name, count(DISTINCT p.job_seeker_id)::int AS workers,
              count(DISTINCT p.job_seeker_id) FILTER (WHERE lo.job_seeker_id IS NOT NULL)::int AS lifted_out,
              count(DISTINCT p.job_seeker_id) FILTER (WHERE lo.job_seeker_id IS NOT NULL
                AND (p.end_date IS NULL OR p.end_date >= (p.start_date + make_interval(months => $3::int))::date - 1))::int AS long_contracts,
              count(DISTINCT p.job_seeker_id) FILTER (WHERE lo.job_seeker_id IS NULL
                AND EXISTS (SELECT 1 FROM job_seeker_declared_group d WHERE d.job_seeker_id = p.job_seeker_id AND d.support_group_code = 'LIFTED_OUT'))::int AS declared
         FROM workshop w
         LEFT JOIN placement p ON p.workshop_id = w.id AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
         LEFT JOIN job_seeker_support_group lo ON lo.job_seeker_id = p.job_seeker_id AND lo.support_group_code = 'LIFTED_OUT'
        WHERE w.region_code LIKE $1 AND w.status = 'CERTIFIED'
        GROUP BY w.id, w.name
        ORDER BY w.name, w.id`,
      [`${region}%`, asOf, rule.minContractMonths],
    )) as { id: string; name: string; workers: number; lifted_out: number; long_contracts: number; declared: number }[];
    return rows.map((w) => {
      const share = w.workers ? (w.lifted_out / w.workers) * 100 : 0;
      const shareOk = w.workers > 0 && share >= rule.minLiftedOutSharePercent;
      const contractsOk = w.long_contracts > 0;
      const eligible = shareOk && contractsOk;
      return {
        kind: SubsidyKind.WORKSHOP_SUBSIDY,
        subjectKind: 'WORKSHOP',
        subjectId: w.id,
        subjectName: w.name,
        eligible,
        amount: eligible ? w.long_contracts * rule.amountPerHousehold : 0,
        explanation: [
          `${asOf} 在岗职工 ${w.workers} 人，其中脱贫人口 ${w.lifted_out} 人（工作人员确认的），占 ${pct(share)}%，${shareOk ? '不低于' : '低于'} ${rule.minLiftedOutSharePercent}%：${shareOk ? '符合' : '不符合'}`,
          ...(w.declared ? [`另有 ${w.declared} 人自报脱贫人口、尚待工作人员确认，未计入`] : []),
          `劳动合同满 ${rule.minContractMonths} 个月（或不定期）的脱贫人口 ${w.long_contracts} 人：${contractsOk ? '符合' : '不符合，至少需要 1 人'}`,
          eligible
            ? `补贴 ${w.long_contracts} × ${rule.amountPerHousehold} = ${w.long_contracts * rule.amountPerHousehold} 元（按人计：系统未登记户号，一户多人时请核减）`
            : '不予补贴',
        ],
      };
    });
  }

  /** Per employer: distinct people of the rule's groups whose placement with it started in the year. */
  private async hiringBonus(region: string, county: string, year: number): Promise<SubsidyEligibilityObject[]> {
    const rule = await this.settings.get(HIRING_BONUS, county);
    const rows = (await this.dataSource.query(
      `SELECT e.id::text, e.name, count(DISTINCT p.job_seeker_id)::int AS hired,
              (SELECT count(DISTINCT q.job_seeker_id) FROM placement q
                WHERE q.employer_id = e.id AND q.home_region_code LIKE $1 AND q.start_date BETWEEN $2::date AND $3::date
                  AND NOT EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = q.job_seeker_id AND g.support_group_code = ANY($4::text[]))
                  AND EXISTS (SELECT 1 FROM job_seeker_declared_group d WHERE d.job_seeker_id = q.job_seeker_id AND d.support_group_code = ANY($4::text[])))::int AS declared
         FROM placement p JOIN employer e ON e.id = p.employer_id
        WHERE p.home_region_code LIKE $1 AND p.start_date BETWEEN $2::date AND $3::date
          AND EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id AND g.support_group_code = ANY($4::text[]))
        GROUP BY e.id, e.name
        ORDER BY e.name, e.id`,
      [`${region}%`, `${year}-01-01`, `${year}-12-31`, rule.supportGroups],
    )) as { id: string; name: string; hired: number; declared: number }[];
    return rows.map((e) => ({
      kind: SubsidyKind.HIRING_BONUS,
      subjectKind: 'EMPLOYER',
      subjectId: e.id,
      subjectName: e.name,
      eligible: true,
      amount: e.hired * rule.amountPerPerson,
      explanation: [
        `${year} 年新招用 ${rule.supportGroups.join('、')} 人员 ${e.hired} 人（工作人员确认的类别；按人计，同一人只计一次）：符合`,
        ...(e.declared ? [`另有 ${e.declared} 人自报属于这些类别、尚待工作人员确认，未计入`] : []),
        `奖补 ${e.hired} × ${rule.amountPerPerson} = ${e.hired * rule.amountPerPerson} 元`,
      ],
    }));
  }

  /** Per person of the rule's groups whose work outside the county started in the year: tier by destination, after minMonths. */
  private async transport(region: string, county: string, year: number, asOf: string): Promise<SubsidyEligibilityObject[]> {
    const rule = await this.settings.get(TRANSPORT_SUBSIDY, county);
    const tiers: Record<Destination, number> = { IN_COUNTY: rule.inCounty, IN_PROVINCE: rule.inProvince, OUT_OF_PROVINCE: rule.outOfProvince };
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (p.job_seeker_id) p.job_seeker_id::text AS id, s.name, p.destination, p.start_date::text AS start,
              least(coalesce(p.end_date, $4::date), $4::date)::text AS until,
              least(coalesce(p.end_date, $4::date), $4::date) >= (p.start_date + make_interval(months => $5::int))::date - 1 AS long_enough
         FROM placement p JOIN job_seeker s ON s.id = p.job_seeker_id
        WHERE p.home_region_code LIKE $1 AND p.start_date BETWEEN $2::date AND $3::date AND p.start_date <= $4::date
          AND EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id AND g.support_group_code = ANY($6::text[]))
          AND p.destination = ANY($7::text[])
        ORDER BY p.job_seeker_id, (least(coalesce(p.end_date, $4::date), $4::date) - p.start_date) DESC, p.destination DESC`,
      [`${region}%`, `${year}-01-01`, `${year}-12-31`, asOf, rule.minMonths, rule.supportGroups, Object.values(Destination).filter((d) => tiers[d] > 0)],
    )) as { id: string; name: string; destination: Destination; start: string; until: string; long_enough: boolean }[];
    return rows
      .map((r) => {
        const amount = tiers[r.destination];
        return {
          kind: SubsidyKind.TRANSPORT_SUBSIDY,
          subjectKind: 'JOB_SEEKER',
          subjectId: r.id,
          subjectName: r.name,
          eligible: r.long_enough,
          amount: r.long_enough ? amount : 0,
          explanation: [
            `${DESTINATION_LABEL[r.destination]}，补贴标准 ${amount} 元`,
            `自 ${r.start} 至 ${r.until}，${r.long_enough ? '已满' : '未满'} ${rule.minMonths} 个月：${r.long_enough ? '符合' : '不符合'}`,
          ],
        };
      })
      .sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'zh'));
  }
}
