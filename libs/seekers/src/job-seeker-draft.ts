import { type AppError, type IdNumberFacts, parseIdNumber, parsePhone, RegionLevel, isCalendarDate } from '@jobcode/common';
import { type Region } from '@jobcode/regions';

import { EducationLevel, EmploymentStatus, LaborCapacity, WantedWageUnit } from './job-seeker.enums';
import type { SeekerProfile } from './seeker-profile';
import { type SupportGroup } from './support-group.entity';

/** A registration as typed (form or ledger row), before validation. */
export interface JobSeekerDraft {
  name: string;
  idNumber: string;
  phone: string;
  regionCode: string;
  supportGroupCodes?: string[] | null;
  laborCapacity: LaborCapacity;
  education?: EducationLevel | null;
  skills?: string[] | null;
  wantedOccupations?: string[] | null;
  wantedWage?: number | null;
  wantedWageUnit?: WantedWageUnit | null;
  willingOutsideCounty?: boolean | null;
  willingOutsideProvince?: boolean | null;
  mustStayNearHome?: boolean | null;
  availableFrom?: string | null;
  trainingWanted?: string[] | null;
  consentToRecommend?: boolean | null;
  employmentStatus?: EmploymentStatus | null;
}

/** A registration that passed every domain rule, still in clear text. */
export interface ValidJobSeeker extends SeekerProfile {
  name: string;
  id: IdNumberFacts;
  phone: string;
  regionCode: string;
  supportGroupCodes: string[];
}

export interface DraftProblem {
  field: string;
  message: string;
  reason?: string;
}

export interface DraftContext {
  region(code: string): Region | undefined;
  /** Every support group, builtin and county-made. */
  groups: ReadonlyMap<string, SupportGroup>;
  today?: Date;
}

const cleanList = (items: readonly string[] | null | undefined) => [...new Set((items ?? []).map((s) => s.trim()).filter(Boolean))];

function problemOf(error: unknown, field: string): DraftProblem {
  const appError = error as AppError;
  if (appError && typeof appError.message === 'string' && 'code' in appError) return { field, message: appError.message, reason: appError.reason };
  throw error;
}

/**
 * The domain rules of a registration, shared by the form and the ledger import: ID number
 * (GB 11643 check digit; birth date and sex derived from it), phone, home village, support
 * groups the village's county may use, wage and unit together, dates. Returns every problem,
 * each naming its field, or the clean value.
 */
export function validateDraft(draft: JobSeekerDraft, context: DraftContext): { value?: ValidJobSeeker; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const name = draft.name.trim().replace(/\s+/g, '');
  if (!name || name.length > 50) problems.push({ field: 'name', message: '姓名应为 1 到 50 个字' });

  let id: IdNumberFacts | undefined;
  try {
    id = parseIdNumber(draft.idNumber, 'idNumber', context.today);
    if (
      Date.UTC(Number(id.birthDate.slice(0, 4)) + 16, Number(id.birthDate.slice(5, 7)) - 1, Number(id.birthDate.slice(8, 10))) >
      (context.today ?? new Date()).getTime()
    ) {
      problems.push({ field: 'idNumber', message: '按身份证号推算不满 16 周岁，不能进行求职登记', reason: 'UNDER_AGE' });
    }
  } catch (error) {
    problems.push(problemOf(error, 'idNumber'));
  }

  let phone = '';
  try {
    phone = parsePhone(draft.phone, 'phone');
  } catch (error) {
    problems.push(problemOf(error, 'phone'));
  }

  const regionCode = draft.regionCode.trim();
  const region = context.region(regionCode);
  if (!region)
    problems.push({ field: 'regionCode', message: `户籍所在村 ${regionCode || '（空）'} 不存在，请从区划列表中选择村一级`, reason: 'UNKNOWN_REGION' });
  else if (region.level !== RegionLevel.VILLAGE)
    problems.push({ field: 'regionCode', message: `户籍所在地应选到村一级，${region.name} 是上级区划`, reason: 'WRONG_REGION_LEVEL' });

  const supportGroupCodes = cleanList(draft.supportGroupCodes);
  for (const code of supportGroupCodes) {
    const group = context.groups.get(code);
    if (!group || (group.regionCode && !regionCode.startsWith(group.regionCode))) {
      problems.push({
        field: 'supportGroupCodes',
        message: `人员类别 ${code} 不存在或不适用于该村所在县，请从类别列表中选择`,
        reason: 'UNKNOWN_SUPPORT_GROUP',
      });
    }
  }

  const wantedWage = draft.wantedWage ?? null;
  const wantedWageUnit = draft.wantedWageUnit ?? null;
  if ((wantedWage === null) !== (wantedWageUnit === null)) {
    problems.push({ field: wantedWage === null ? 'wantedWage' : 'wantedWageUnit', message: '期望薪资和计薪单位（月、天、小时、件）要一起填写' });
  }
  if (wantedWage !== null && (!Number.isInteger(wantedWage) || wantedWage < 1 || wantedWage > 1_000_000)) {
    problems.push({ field: 'wantedWage', message: '期望薪资应为 1 到 1000000 之间的整数（元）' });
  }

  const availableFrom = draft.availableFrom?.trim() || null;
  if (availableFrom && !isCalendarDate(availableFrom)) {
    problems.push({ field: 'availableFrom', message: '可上岗日期应写成 YYYY-MM-DD，例如 2026-12-01' });
  }

  const lists = { skills: cleanList(draft.skills), wantedOccupations: cleanList(draft.wantedOccupations), trainingWanted: cleanList(draft.trainingWanted) };
  for (const [field, items] of Object.entries(lists)) {
    if (items.length > 20 || items.some((item) => item.length > 30)) problems.push({ field, message: '每项不超过 30 个字，最多 20 项' });
  }

  if (problems.length || !id) return { problems };
  return {
    problems,
    value: {
      name,
      id,
      phone,
      regionCode,
      supportGroupCodes,
      laborCapacity: draft.laborCapacity,
      education: draft.education ?? null,
      ...lists,
      wantedWage,
      wantedWageUnit,
      willingOutsideCounty: draft.willingOutsideCounty ?? false,
      willingOutsideProvince: draft.willingOutsideProvince ?? false,
      mustStayNearHome: draft.mustStayNearHome ?? false,
      availableFrom,
      consentToRecommend: draft.consentToRecommend ?? false,
      employmentStatus: draft.employmentStatus ?? EmploymentStatus.UNKNOWN,
    },
  };
}
