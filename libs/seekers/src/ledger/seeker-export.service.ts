import { type Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type Actor, countyToday, maskIdNumber, maskPhone, parseRegionCode } from '@jobcode/common';
import { PersonalDataAccessLog, PersonalDataCipher, PersonalDataField, type PersonalDataRead } from '@jobcode/personal-data';
import { RegionScope, RegionsService } from '@jobcode/regions';
import { writeSheet } from '@jobcode/spreadsheets';

import { type JobSeeker } from '../job-seeker.entity';
import { DEFAULT_PURPOSE, SUBJECT_KIND } from '../seekers.service';
import { SeekerVisibility } from '../seeker-visibility';
import { SupportGroupsService } from '../support-groups.service';
import { EXPORT_COLUMNS, ledgerRow } from './seeker-ledger';

export interface SeekerExportOptions {
  regionCode?: string;
  /** Full ID numbers and phones (each read logged); masked otherwise. */
  full: boolean;
  purpose?: string;
}

const PAGE = 2000;

type Row = JobSeeker & { groupCodes: string[] | null };

/**
 * Exports the seekers of a region as a ledger in the import layout, streamed page by page
 * (keyset on id) into exceljs's streaming writer. ID numbers and phones are masked unless
 * the exporter asks for full values and may read them; then every full value is logged.
 */
@Injectable()
export class SeekerExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly visibility: SeekerVisibility,
    private readonly groups: SupportGroupsService,
    private readonly regions: RegionsService,
    private readonly scope: RegionScope,
  ) {}

  /** The region exported: the one asked for (inside the actor's scope), else the actor's own. */
  async regionOf(actor: Actor, regionCode?: string): Promise<string | null> {
    if (regionCode) {
      const code = parseRegionCode(regionCode, 'regionCode');
      await this.scope.assertCovers(actor, code);
      return code;
    }
    return this.scope.prefixOf(actor) ?? null;
  }

  async fileName(region: string | null): Promise<string> {
    const place = region ? await this.regions.fullName(region) : '全部';
    return `求职登记台账-${place}-${countyToday()}.xlsx`;
  }

  async export(actor: Actor, output: Writable, options: SeekerExportOptions): Promise<number> {
    const region = await this.regionOf(actor, options.regionCode);
    const counter = { rows: 0 };
    await writeSheet(output, '求职登记', EXPORT_COLUMNS, this.rows(actor, region, options, counter));
    return counter.rows;
  }

  private async *rows(actor: Actor, region: string | null, options: SeekerExportOptions, counter: { rows: number }): AsyncGenerator<string[]> {
    const groupNames = await this.groups.all();
    const purpose = options.purpose?.trim() || DEFAULT_PURPOSE;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = (await this.dataSource.manager
        .createQueryBuilder()
        .select('s.*')
        .addSelect('s.available_from::text', 'available_from_text')
        .addSelect(
          '(SELECT array_agg(g.support_group_code ORDER BY g.support_group_code) FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id)',
          'group_codes',
        )
        .from('job_seeker', 's')
        .where('s.id > :afterId', { afterId })
        .andWhere('s.processing_restricted_at IS NULL')
        .andWhere(region ? 's.region_code LIKE :prefix' : 'TRUE', { prefix: `${region}%` })
        .orderBy('s.id')
        .limit(PAGE)
        .getRawMany()) as Record<string, unknown>[];
      if (!page.length) return;
      const reads: PersonalDataRead[] = [];
      const lines: string[][] = [];
      for (const raw of page) {
        const s = toRow(raw);
        const full = options.full && this.visibility.mayReadFull(actor, s);
        const idNumber = this.cipher.decrypt(s.idNumberEncrypted);
        const phone = this.cipher.decrypt(s.phoneEncrypted);
        if (full) {
          reads.push({ subjectKind: SUBJECT_KIND, subjectId: s.id, field: PersonalDataField.ID_NUMBER, purpose, channel: 'GET /seekers/export' });
          reads.push({ subjectKind: SUBJECT_KIND, subjectId: s.id, field: PersonalDataField.PHONE, purpose, channel: 'GET /seekers/export' });
        }
        lines.push(
          ledgerRow({
            ...s,
            idNumber: full ? idNumber : maskIdNumber(idNumber),
            phone: full ? phone : maskPhone(phone),
            township: await this.regions.nameOf(s.regionCode.slice(0, 9)),
            village: await this.regions.nameOf(s.regionCode),
            groups: (s.groupCodes ?? []).map((code) => groupNames.get(code)?.name ?? code),
          }),
        );
      }
      // The access log is written before the full values leave the server.
      if (reads.length) await this.accessLog.record(actor, reads);
      counter.rows += lines.length;
      yield* lines;
      afterId = String(page[page.length - 1].id);
    }
  }
}

function toRow(raw: Record<string, unknown>): Row {
  return {
    id: raw.id as string,
    accountId: (raw.account_id as string | null) ?? null,
    processingRestrictedAt: (raw.processing_restricted_at as Date | null) ?? null,
    name: raw.name as string,
    idNumberHash: raw.id_number_hash as string,
    idNumberEncrypted: raw.id_number_encrypted as string,
    birthDate: raw.birth_date as string,
    sex: raw.sex as JobSeeker['sex'],
    phoneHash: raw.phone_hash as string,
    phoneEncrypted: raw.phone_encrypted as string,
    regionCode: raw.region_code as string,
    laborCapacity: raw.labor_capacity as JobSeeker['laborCapacity'],
    education: (raw.education as JobSeeker['education']) ?? null,
    skills: (raw.skills as string[]) ?? [],
    wantedOccupations: (raw.wanted_occupations as string[]) ?? [],
    wantedWage: (raw.wanted_wage as number | null) ?? null,
    wantedWageUnit: (raw.wanted_wage_unit as JobSeeker['wantedWageUnit']) ?? null,
    willingOutsideCounty: raw.willing_outside_county as boolean,
    willingOutsideProvince: raw.willing_outside_province as boolean,
    mustStayNearHome: raw.must_stay_near_home as boolean,
    availableFrom: (raw.available_from_text as string | null) ?? null,
    trainingWanted: (raw.training_wanted as string[]) ?? [],
    consentToRecommend: raw.consent_to_recommend as boolean,
    employmentStatus: raw.employment_status as JobSeeker['employmentStatus'],
    channel: raw.channel as JobSeeker['channel'],
    registeredBy: (raw.registered_by as string | null) ?? null,
    createdAt: raw.created_at as Date,
    updatedAt: raw.updated_at as Date,
    groupCodes: (raw.group_codes as string[] | null) ?? null,
  };
}
