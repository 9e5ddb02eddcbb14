import { type Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, badInput, maskIdNumber, maskPhone } from '@jobcode/common';
import { Destination, DESTINATION_LABEL, PlacementSource, SOURCE_LABEL } from '@jobcode/placements';
import { PersonalDataAccessLog, PersonalDataCipher, PersonalDataField, type PersonalDataRead } from '@jobcode/personal-data';
import { RegionsService } from '@jobcode/regions';
import { SeekerVisibility } from '@jobcode/seekers';
import { type SheetColumn, writeSheet } from '@jobcode/spreadsheets';

import { resolvePeriod } from './period';
import { StatisticsService } from './statistics.service';
import { StatsGroupBy } from './stats-group-by';

export interface PlacementLedgerQuery {
  region?: string | null;
  year?: number | null;
  from?: string | null;
  to?: string | null;
  supportGroup?: string | null;
  /** The group of the figure (with its key), as placementStats returned it. */
  groupBy?: StatsGroupBy | null;
  key?: string | null;
  /** The same-period-last-year figure instead of this period's. */
  previous?: boolean;
  /**
   * The workshop figure's ledger instead: placements at the region's workshops (the region is
   * the workshop's, not the person's home), or at one workshop (`workshopId`).
   */
  workshops?: boolean;
  workshopId?: string | null;
  full: boolean;
  purpose?: string | null;
}

export const LEDGER_COLUMNS: SheetColumn[] = [
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 22 },
  { header: '手机号', width: 14 },
  { header: '户籍乡镇', width: 14 },
  { header: '户籍村', width: 14 },
  { header: '帮扶类别', width: 18 },
  { header: '务工地类型', width: 12 },
  { header: '务工地区划代码', width: 16 },
  { header: '工作单位', width: 24 },
  { header: '来源', width: 14 },
  { header: '开始日期', width: 12, type: 'DATE' },
  { header: '结束日期', width: 12, type: 'DATE' },
  { header: '月收入（元）', width: 14, type: 'AMOUNT' },
];

const PAGE = 2000;
const SUBJECT_KIND = 'JobSeeker';
const CHANNEL = 'GET /statistics/placements/export';
const DEFAULT_PURPOSE = '务工统计台账导出（未注明具体用途）';

interface LedgerRow {
  id: string;
  seeker_id: string;
  name: string;
  id_number_encrypted: string;
  phone_encrypted: string;
  account_id: string | null;
  consent_to_recommend: boolean;
  region_code: string;
  home_region_code: string;
  groups: string[] | null;
  destination: Destination;
  workplace_region_code: string;
  workplace: string | null;
  source: PlacementSource;
  start_date: string;
  end_date: string | null;
  monthly_income: number | null;
}

/**
 * The ledger (台账) behind a placementStats figure: the placement rows it counted, one per
 * placement, streamed into .xlsx. ID numbers and phones are masked unless the caller asks for
 * full values and may read them; every full value shipped is logged first.
 */
@Injectable()
export class PlacementLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statistics: StatisticsService,
    private readonly regions: RegionsService,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly visibility: SeekerVisibility,
  ) {}

  async fileName(actor: Actor, query: PlacementLedgerQuery): Promise<string> {
    const region = await this.statistics.regionOf(actor, query.region);
    const period = resolvePeriod(query);
    this.groupFilter(query.groupBy ?? null, query.key ?? null);
    const [from, to] = query.previous ? [period.previousFrom, period.previousTo] : [period.from, period.to];
    const place = region ? await this.regions.nameOf(region) : '全部';
    if (query.workshops) {
      this.workshopFilter(region, query.workshopId ?? null);
      return `帮扶车间务工台账-${place}-${from}至${to}.xlsx`;
    }
    return `务工台账-${place}-${from}至${to}.xlsx`;
  }

  async export(actor: Actor, output: Writable, query: PlacementLedgerQuery): Promise<number> {
    const region = await this.statistics.regionOf(actor, query.region);
    const period = resolvePeriod(query);
    const [from, to] = query.previous ? [period.previousFrom, period.previousTo] : [period.from, period.to];
    const where = query.workshops ? this.workshopFilter(region, query.workshopId ?? null) : this.groupFilter(query.groupBy ?? null, query.key ?? null);
    const counter = { rows: 0 };
    const groupNames = new Map(
      ((await this.dataSource.query('SELECT code, name FROM support_group')) as { code: string; name: string }[]).map((g) => [g.code, g.name]),
    );
    // Workshop ledgers select by the workshop's region (in the filter), so the home region is not restricted.
    const home = query.workshops ? null : region;
    await writeSheet(output, '务工台账', LEDGER_COLUMNS, this.rows(actor, { region: home, from, to, where, query, groupNames }, counter));
    return counter.rows;
  }

  private workshopFilter(region: string | null, workshopId: string | null): { sql: string; param: string | null } {
    if (workshopId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(workshopId)) {
      throw badInput('workshopId 应为帮扶车间 id', { field: 'workshopId' });
    }
    return {
      // The placements workshopStats counts: at the region's workshops, with a day in the period on which the workshop was certified.
      sql: `EXISTS (SELECT 1 FROM workshop w JOIN workshop_certification c ON c.workshop_id = w.id
             WHERE w.id = p.workshop_id AND w.region_code LIKE split_part($6, '|', 1) || '%'
               AND (split_part($6, '|', 2) = '' OR w.id::text = split_part($6, '|', 2))
               AND GREATEST(p.start_date, $2::date, c.certified_on) <= LEAST(coalesce(p.end_date, 'infinity'::date), $3::date, coalesce(c.revoked_on - 1, 'infinity'::date)))`,
      param: `${region ?? ''}|${workshopId ?? ''}`,
    };
  }

  private groupFilter(groupBy: StatsGroupBy | null, key: string | null): { sql: string; param: string | null } {
    if (!groupBy) return { sql: '$6::text IS NULL', param: null };
    if (!key) throw badInput('导出某一分组的台账时请同时给出分组取值 key', { field: 'key' });
    switch (groupBy) {
      case StatsGroupBy.DESTINATION:
        if (!Object.values(Destination).includes(key as Destination)) throw badInput('key 应为 IN_COUNTY、IN_PROVINCE 或 OUT_OF_PROVINCE', { field: 'key' });
        return { sql: 'p.destination = $6', param: key };
      case StatsGroupBy.SOURCE:
        if (!Object.values(PlacementSource).includes(key as PlacementSource))
          throw badInput(`key 应为 ${Object.values(PlacementSource).join('、')} 之一`, { field: 'key' });
        return { sql: 'p.source = $6', param: key };
      case StatsGroupBy.TOWNSHIP:
        if (!/^\d{9}$/.test(key)) throw badInput('key 应为 9 位乡镇区划代码', { field: 'key' });
        return { sql: `p.home_region_code LIKE $6 || '%'`, param: key };
      case StatsGroupBy.EMPLOYER:
        if (key === 'NONE') return { sql: 'p.employer_id IS NULL AND $6::text IS NULL', param: null };
        if (!/^[0-9a-f-]{36}$/i.test(key)) throw badInput('key 应为用人单位 id 或 NONE', { field: 'key' });
        return { sql: 'p.employer_id = $6::uuid', param: key };
      case StatsGroupBy.SUPPORT_GROUP:
        if (key === 'NONE')
          return { sql: 'NOT EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id) AND $6::text IS NULL', param: null };
        return { sql: 'EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id AND g.support_group_code = $6)', param: key };
      case StatsGroupBy.MONTH:
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) throw badInput('key 应为 YYYY-MM 格式的月份', { field: 'key' });
        return {
          sql: `p.start_date <= (($6 || '-01')::date + interval '1 month' - interval '1 day')::date AND (p.end_date IS NULL OR p.end_date >= ($6 || '-01')::date)`,
          param: key,
        };
    }
  }

  private async *rows(
    actor: Actor,
    scope: {
      region: string | null;
      from: string;
      to: string;
      where: { sql: string; param: string | null };
      query: PlacementLedgerQuery;
      groupNames: Map<string, string>;
    },
    counter: { rows: number },
  ): AsyncGenerator<string[]> {
    const purpose = scope.query.purpose?.trim() || DEFAULT_PURPOSE;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = (await this.dataSource.query(
        `SELECT p.id::text, p.job_seeker_id::text AS seeker_id, s.name, s.id_number_encrypted, s.phone_encrypted, s.account_id::text, s.consent_to_recommend, s.region_code,
                p.home_region_code, (SELECT array_agg(g.support_group_code ORDER BY g.support_group_code) FROM job_seeker_support_group g WHERE g.job_seeker_id = p.job_seeker_id) AS groups,
                p.destination, p.workplace_region_code, coalesce(p.workplace_name, e.name) AS workplace, p.source, p.start_date::text, p.end_date::text, p.monthly_income
           FROM placement p JOIN job_seeker s ON s.id = p.job_seeker_id LEFT JOIN employer e ON e.id = p.employer_id
          WHERE p.home_region_code LIKE $1 AND p.start_date <= $3::date AND (p.end_date IS NULL OR p.end_date >= $2::date)
            AND ($4::varchar IS NULL OR EXISTS (SELECT 1 FROM job_seeker_support_group sg WHERE sg.job_seeker_id = p.job_seeker_id AND sg.support_group_code = $4))
            AND p.id > $5::uuid AND ${scope.where.sql}
          ORDER BY p.id LIMIT ${PAGE}`,
        [`${scope.region ?? ''}%`, scope.from, scope.to, scope.query.supportGroup ?? null, afterId, scope.where.param],
      )) as LedgerRow[];
      if (!page.length) return;
      const reads: PersonalDataRead[] = [];
      const lines: string[][] = [];
      for (const r of page) {
        const full =
          scope.query.full &&
          this.visibility.mayReadFull(actor, {
            id: r.seeker_id,
            regionCode: r.region_code,
            accountId: r.account_id,
            consentToRecommend: r.consent_to_recommend,
          });
        const idNumber = this.cipher.decrypt(r.id_number_encrypted);
        const phone = this.cipher.decrypt(r.phone_encrypted);
        if (full) {
          reads.push({ subjectKind: SUBJECT_KIND, subjectId: r.seeker_id, field: PersonalDataField.ID_NUMBER, purpose, channel: CHANNEL });
          reads.push({ subjectKind: SUBJECT_KIND, subjectId: r.seeker_id, field: PersonalDataField.PHONE, purpose, channel: CHANNEL });
        }
        lines.push([
          r.name,
          full ? idNumber : maskIdNumber(idNumber),
          full ? phone : maskPhone(phone),
          await this.regions.nameOf(r.home_region_code.slice(0, 9)),
          await this.regions.nameOf(r.home_region_code),
          (r.groups ?? []).map((code) => scope.groupNames.get(code) ?? code).join('、'),
          DESTINATION_LABEL[r.destination],
          r.workplace_region_code,
          r.workplace ?? '',
          SOURCE_LABEL[r.source],
          r.start_date,
          r.end_date ?? '',
          r.monthly_income === null ? '' : String(r.monthly_income),
        ]);
      }
      // The access log is written before the full values leave the server.
      if (reads.length) await this.accessLog.record(actor, reads);
      counter.rows += lines.length;
      yield* lines;
      afterId = page[page.length - 1].id;
    }
  }
}
