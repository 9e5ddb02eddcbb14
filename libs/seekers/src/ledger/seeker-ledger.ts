import { type CellValue } from 'exceljs';

import { isRoundedLongNumber, type SheetColumn } from '@jobcode/spreadsheets';
import { RegionLevel } from '@jobcode/common';
import { type Region } from '@jobcode/regions';

import { type DraftProblem, type JobSeekerDraft } from '../job-seeker-draft';
import {
  EDUCATION_NAMES,
  EducationLevel,
  EMPLOYMENT_STATUS_NAMES,
  EmploymentStatus,
  LABOR_CAPACITY_NAMES,
  LaborCapacity,
  WAGE_UNIT_NAMES,
  WantedWageUnit,
} from '../job-seeker.enums';
import type { SeekerProfile } from '../seeker-profile';
import { type SupportGroup } from '../support-group.entity';

/**
 * The common column layout of a job-seeker ledger (求职登记台账), shared by import and export.
 * Each column lists the other headings counties use for it.
 */
export const LEDGER_COLUMNS = {
  姓名: [],
  身份证号: ['身份证号码', '公民身份号码', '证件号码', '身份证'],
  手机号: ['手机号码', '联系电话', '电话', '手机'],
  乡镇: ['乡（镇）', '乡镇（街道）', '所在乡镇', '镇'],
  村: ['村（社区）', '行政村', '村委会', '所在村', '村名'],
  人员类别: ['帮扶类别', '人员类型', '人员属性'],
  劳动能力: ['劳动力类型', '劳动技能'],
  文化程度: ['学历'],
  技能: ['技能特长', '专业技能'],
  求职意向: ['意向工种', '求职工种', '就业意向'],
  期望薪资: ['期望工资', '期望月薪'],
  薪资单位: ['计薪单位'],
  愿意县外务工: ['是否愿意县外务工', '县外务工'],
  愿意区外务工: ['是否愿意区外务工', '区外务工', '愿意省外务工', '省外务工'],
  需就近就业: ['是否需就近就业', '就近就业'],
  可上岗日期: ['可上岗时间', '到岗时间'],
  培训意愿: ['点单式培训', '培训需求'],
  同意推荐: ['是否同意推荐', '同意推荐给用人单位'],
  就业状态: ['是否就业'],
} as const satisfies Record<string, readonly string[]>;

export type LedgerColumn = keyof typeof LEDGER_COLUMNS;
export const REQUIRED_COLUMNS: LedgerColumn[] = ['姓名', '身份证号', '手机号', '村', '劳动能力'];
const EXPORT_TYPES: Partial<Record<LedgerColumn, SheetColumn['type']>> = { 期望薪资: 'AMOUNT', 可上岗日期: 'DATE' };
const EXPORT_WIDTHS: Partial<Record<LedgerColumn, number>> = { 身份证号: 22, 手机号: 14, 人员类别: 18, 技能: 20, 求职意向: 20, 培训意愿: 20 };

export const EXPORT_COLUMNS: SheetColumn[] = (Object.keys(LEDGER_COLUMNS) as LedgerColumn[]).map((header) => ({
  header,
  width: EXPORT_WIDTHS[header] ?? 12,
  type: EXPORT_TYPES[header],
}));

const COLUMN_OF_FIELD: Record<string, LedgerColumn> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  regionCode: '村',
  supportGroupCodes: '人员类别',
  laborCapacity: '劳动能力',
  education: '文化程度',
  skills: '技能',
  wantedOccupations: '求职意向',
  wantedWage: '期望薪资',
  wantedWageUnit: '薪资单位',
  availableFrom: '可上岗日期',
  trainingWanted: '培训意愿',
};

export const columnOfField = (field: string): string => COLUMN_OF_FIELD[field] ?? field;

const LABOR: Record<string, LaborCapacity> = {
  有: LaborCapacity.FULL,
  有劳动能力: LaborCapacity.FULL,
  普通劳动力: LaborCapacity.FULL,
  技能劳动力: LaborCapacity.FULL,
  强: LaborCapacity.FULL,
  弱: LaborCapacity.WEAK,
  弱劳动能力: LaborCapacity.WEAK,
  弱劳动力: LaborCapacity.WEAK,
  半劳动力: LaborCapacity.WEAK,
  部分丧失劳动能力: LaborCapacity.WEAK,
  无: LaborCapacity.NONE,
  无劳动能力: LaborCapacity.NONE,
  无劳动力: LaborCapacity.NONE,
  丧失劳动能力: LaborCapacity.NONE,
  FULL: LaborCapacity.FULL,
  WEAK: LaborCapacity.WEAK,
  NONE: LaborCapacity.NONE,
};
const EDUCATION: Record<string, EducationLevel> = {
  ...Object.fromEntries(Object.entries(EDUCATION_NAMES).map(([code, name]) => [name, code as EducationLevel])),
  文盲: EducationLevel.NONE,
  文盲或半文盲: EducationLevel.NONE,
  学龄前: EducationLevel.NONE,
  中职: EducationLevel.SECONDARY_VOCATIONAL,
  技校: EducationLevel.SECONDARY_VOCATIONAL,
  职高: EducationLevel.SECONDARY_VOCATIONAL,
  专科: EducationLevel.JUNIOR_COLLEGE,
  高职: EducationLevel.JUNIOR_COLLEGE,
  大学本科: EducationLevel.BACHELOR,
  硕士: EducationLevel.POSTGRADUATE,
  博士: EducationLevel.POSTGRADUATE,
};
const WAGE_UNIT: Record<string, WantedWageUnit> = {
  ...Object.fromEntries(Object.entries(WAGE_UNIT_NAMES).map(([code, name]) => [name, code as WantedWageUnit])),
  日: WantedWageUnit.DAY,
  时: WantedWageUnit.HOUR,
  个: WantedWageUnit.PIECE,
};
const STATUS: Record<string, EmploymentStatus> = {
  ...Object.fromEntries(Object.entries(EMPLOYMENT_STATUS_NAMES).map(([code, name]) => [name, code as EmploymentStatus])),
  是: EmploymentStatus.EMPLOYED,
  否: EmploymentStatus.UNEMPLOYED,
  就业: EmploymentStatus.EMPLOYED,
  务工: EmploymentStatus.EMPLOYED,
  失业: EmploymentStatus.UNEMPLOYED,
  '': EmploymentStatus.UNKNOWN,
};
const YES = new Set(['是', '愿意', '同意', 'Y', 'YES', '1', 'TRUE', '√', '需要']);
const NO = new Set(['否', '不愿意', '不同意', 'N', 'NO', '0', 'FALSE', '×', '不需要', '']);

/** `2026/12/1`, `2026.12.1`, `2026年12月1日` → `2026-12-01`; anything else is left for the date rule to refuse. */
/** Excel keeps a date as the days since 1899-12-30; the streaming reader (styles ignored) hands that number over. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateText(text: string): string | null {
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text);
    if (serial >= 20000 && serial <= 80000) return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const match = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/u.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text || null;
}

const splitList = (text: string) =>
  text
    .split(/[、，,;；/／\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** Look-ups a ledger row needs: villages by code or name (with the township to tell namesakes apart), groups by code or name. */
export class LedgerDictionary {
  private readonly villagesByName = new Map<string, Region[]>();
  private readonly groupByName = new Map<string, SupportGroup>();

  constructor(
    private readonly regions: ReadonlyMap<string, Region>,
    groups: ReadonlyMap<string, SupportGroup>,
  ) {
    for (const region of regions.values()) {
      if (region.level !== RegionLevel.VILLAGE) continue;
      for (const key of new Set([region.name, region.name.replace(/(村|社区)$/u, '')])) {
        const list = this.villagesByName.get(key) ?? [];
        list.push(region);
        this.villagesByName.set(key, list);
      }
    }
    for (const group of groups.values()) this.groupByName.set(group.name, group);
  }

  region(code: string): Region | undefined {
    return this.regions.get(code);
  }

  /** The village code of a row, or a problem naming the column. */
  villageOf(village: string, township: string): string | DraftProblem {
    if (/^\d{12}$/.test(village)) return village;
    const candidates = this.villagesByName.get(village) ?? [];
    const matching = township ? candidates.filter((r) => this.regions.get(r.parentCode ?? '')?.name === township || r.parentCode === township) : candidates;
    if (matching.length === 1) return matching[0].code;
    if (!village) return { field: 'regionCode', message: '请填写户籍所在村（村名或 12 位区划代码）' };
    if (matching.length === 0)
      return { field: 'regionCode', message: `找不到${township ? `${township}下的` : ''}村“${village}”，请核对村名或填写 12 位区划代码` };
    return { field: 'regionCode', message: `有多个村叫“${village}”，请在“乡镇”列写明所属乡镇` };
  }

  groupCode(text: string): string {
    return this.groupByName.get(text)?.code ?? text.toUpperCase();
  }
}

export interface LedgerRowResult {
  draft?: JobSeekerDraft;
  problems: DraftProblem[];
}

/** Turns the text of a ledger row into a registration draft; the domain rules run afterwards. */
export function draftFromLedgerRow(text: Record<string, string>, raw: Record<string, CellValue | undefined>, dictionary: LedgerDictionary): LedgerRowResult {
  const problems: DraftProblem[] = [];
  const cell = (column: LedgerColumn) => text[column] ?? '';
  const flag = (column: LedgerColumn): boolean => {
    const value = cell(column).toUpperCase();
    if (YES.has(value)) return true;
    if (!NO.has(value)) problems.push({ field: column, message: `“${column}”应填 是 或 否，现为“${cell(column)}”` });
    return false;
  };

  if (isRoundedLongNumber(raw['身份证号'])) {
    problems.push({ field: 'idNumber', message: '身份证号单元格是数字格式，Excel 已把后几位变成 0；请把该列设为文本格式后重新录入' });
  }
  const village = dictionary.villageOf(cell('村'), cell('乡镇'));
  if (typeof village !== 'string') problems.push(village);

  const capacityText = cell('劳动能力');
  const laborCapacity = LABOR[capacityText.toUpperCase()];
  if (!laborCapacity)
    problems.push({
      field: 'laborCapacity',
      message: `劳动能力应填 ${Object.values(LABOR_CAPACITY_NAMES).join('、')}（或 有、弱、无），现为“${capacityText || '空'}”`,
    });

  const educationText = cell('文化程度');
  const education = educationText ? EDUCATION[educationText] : null;
  if (education === undefined)
    problems.push({ field: 'education', message: `文化程度应填 ${Object.values(EDUCATION_NAMES).join('、')} 之一，现为“${educationText}”` });

  let wantedWage: number | null = null;
  let wantedWageUnit: WantedWageUnit | null = null;
  const wageText = cell('期望薪资').replace(/[，,\s]/g, '');
  if (wageText) {
    const match = /^(\d+(?:\.\d+)?)(?:元)?(?:[/每](月|天|日|小时|时|件|个))?$/u.exec(wageText);
    if (!match) problems.push({ field: 'wantedWage', message: `期望薪资应写成数字，例如 3000 或 3000元/月，现为“${cell('期望薪资')}”` });
    else {
      wantedWage = Math.round(Number(match[1]));
      const unitText = match[2] ?? cell('薪资单位').replace(/^(元\/|每)/u, '');
      wantedWageUnit = WAGE_UNIT[unitText] ?? (unitText ? null : WantedWageUnit.MONTH);
      if (!wantedWageUnit) problems.push({ field: 'wantedWageUnit', message: `薪资单位应填 月、天、小时 或 件，现为“${unitText}”` });
    }
  }

  const statusText = cell('就业状态');
  const employmentStatus = STATUS[statusText];
  if (!employmentStatus) problems.push({ field: '就业状态', message: `就业状态应填 已就业、未就业 或 未知，现为“${statusText}”` });

  const draft: JobSeekerDraft = {
    name: cell('姓名'),
    idNumber: cell('身份证号'),
    phone: cell('手机号'),
    regionCode: typeof village === 'string' ? village : '',
    supportGroupCodes: splitList(cell('人员类别')).map((g) => dictionary.groupCode(g)),
    laborCapacity: laborCapacity ?? LaborCapacity.FULL,
    education: education ?? null,
    skills: splitList(cell('技能')),
    wantedOccupations: splitList(cell('求职意向')),
    wantedWage,
    wantedWageUnit,
    willingOutsideCounty: flag('愿意县外务工'),
    willingOutsideProvince: flag('愿意区外务工'),
    mustStayNearHome: flag('需就近就业'),
    availableFrom: dateText(cell('可上岗日期')),
    trainingWanted: splitList(cell('培训意愿')),
    consentToRecommend: flag('同意推荐'),
    employmentStatus: employmentStatus ?? EmploymentStatus.UNKNOWN,
  };
  return { draft, problems };
}

/** One ledger row of a seeker, in EXPORT_COLUMNS order. */
export interface LedgerRowValues extends SeekerProfile {
  name: string;
  idNumber: string;
  phone: string;
  township: string;
  village: string;
  groups: string[];
}

const yesNo = (value: boolean) => (value ? '是' : '否');

export function ledgerRow(v: LedgerRowValues): string[] {
  return [
    v.name,
    v.idNumber,
    v.phone,
    v.township,
    v.village,
    v.groups.join('、'),
    LABOR_CAPACITY_NAMES[v.laborCapacity],
    v.education ? EDUCATION_NAMES[v.education] : '',
    v.skills.join('、'),
    v.wantedOccupations.join('、'),
    v.wantedWage === null ? '' : String(v.wantedWage),
    v.wantedWageUnit ? WAGE_UNIT_NAMES[v.wantedWageUnit] : '',
    yesNo(v.willingOutsideCounty),
    yesNo(v.willingOutsideProvince),
    yesNo(v.mustStayNearHome),
    v.availableFrom ?? '',
    v.trainingWanted.join('、'),
    yesNo(v.consentToRecommend),
    EMPLOYMENT_STATUS_NAMES[v.employmentStatus],
  ];
}
