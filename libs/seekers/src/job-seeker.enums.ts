import { registerEnumType } from '@nestjs/graphql';

/** 劳动能力: 有 / 弱 / 无 */
export enum LaborCapacity {
  FULL = 'FULL',
  WEAK = 'WEAK',
  NONE = 'NONE',
}

export enum EmploymentStatus {
  UNKNOWN = 'UNKNOWN',
  EMPLOYED = 'EMPLOYED',
  UNEMPLOYED = 'UNEMPLOYED',
}

export enum EducationLevel {
  NONE = 'NONE',
  PRIMARY = 'PRIMARY',
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  SENIOR_HIGH = 'SENIOR_HIGH',
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL',
  JUNIOR_COLLEGE = 'JUNIOR_COLLEGE',
  BACHELOR = 'BACHELOR',
  POSTGRADUATE = 'POSTGRADUATE',
}

/** The unit of the wage a seeker wants (the same units jobs pay in). */
export enum WantedWageUnit {
  MONTH = 'MONTH',
  DAY = 'DAY',
  HOUR = 'HOUR',
  PIECE = 'PIECE',
}

/** How the registration came in. */
export enum RegistrationChannel {
  SELF = 'SELF',
  DESK = 'DESK',
  IMPORT = 'IMPORT',
}

export const LABOR_CAPACITY_NAMES: Record<LaborCapacity, string> = { FULL: '有劳动能力', WEAK: '弱劳动能力', NONE: '无劳动能力' };
export const EMPLOYMENT_STATUS_NAMES: Record<EmploymentStatus, string> = { UNKNOWN: '未知', EMPLOYED: '已就业', UNEMPLOYED: '未就业' };
export const EDUCATION_NAMES: Record<EducationLevel, string> = {
  NONE: '未上学',
  PRIMARY: '小学',
  JUNIOR_HIGH: '初中',
  SENIOR_HIGH: '高中',
  SECONDARY_VOCATIONAL: '中专',
  JUNIOR_COLLEGE: '大专',
  BACHELOR: '本科',
  POSTGRADUATE: '研究生',
};
export const WAGE_UNIT_NAMES: Record<WantedWageUnit, string> = { MONTH: '月', DAY: '天', HOUR: '小时', PIECE: '件' };

const described = <T extends string>(names: Record<T, string>) =>
  Object.fromEntries(Object.entries(names).map(([key, description]) => [key, { description: description as string }])) as Record<T, { description: string }>;

registerEnumType(LaborCapacity, { name: 'LaborCapacity', description: '劳动能力', valuesMap: described(LABOR_CAPACITY_NAMES) });
registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: '就业状态（务工记录上线后自动同步）',
  valuesMap: described(EMPLOYMENT_STATUS_NAMES),
});
registerEnumType(EducationLevel, { name: 'EducationLevel', description: '文化程度', valuesMap: described(EDUCATION_NAMES) });
registerEnumType(WantedWageUnit, { name: 'WantedWageUnit', description: '期望薪资的计薪单位', valuesMap: described(WAGE_UNIT_NAMES) });
registerEnumType(RegistrationChannel, {
  name: 'RegistrationChannel',
  description: '登记方式',
  valuesMap: { SELF: { description: '本人扫码登记' }, DESK: { description: '工作人员窗口代登记' }, IMPORT: { description: '台账导入' } },
});
