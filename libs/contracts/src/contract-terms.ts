import { badInput, parseRegionCode } from '@jobcode/common';
import { WageUnit } from '@jobcode/jobs';

import { ContractTermKind } from './contract.enums';
import { type ContractTermsInput } from './dto/contract-terms.input';

/** The validated terms, as they are frozen into the contract's canonical content. */
export interface ContractTerms {
  wage: number;
  wageUnit: WageUnit;
  startDate: string;
  termKind: ContractTermKind;
  endDate: string | null;
  task: string | null;
  workplace: string;
  workplaceRegionCode: string;
  workingHours: string;
  duties: string;
  probationMonths: number;
  socialInsurance: boolean;
}

export interface MinimumWages {
  monthly: number;
  hourly: number;
}

const HOURS_PER_DAY = 8;

function parseDate(value: string, field: string, label: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw badInput(`${label}不是有效日期：${value}`, { field });
  return date;
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/**
 * 劳动合同法第十九条: the longest probation a contract of this term may have, in months.
 * Under three months or per task: none; under a year: one; under three years: two; three
 * years or more, or open-ended: six.
 */
export function maxProbationMonths(termKind: ContractTermKind, startDate: string, endDate: string | null): number {
  if (termKind === ContractTermKind.PER_TASK) return 0;
  if (termKind === ContractTermKind.OPEN_ENDED || !endDate) return 6;
  const start = parseDate(startDate, 'input.terms.startDate', '开始日期');
  const dayAfterEnd = new Date(parseDate(endDate, 'input.terms.endDate', '终止日期').getTime() + 86_400_000);
  if (dayAfterEnd < addMonths(start, 3)) return 0;
  if (dayAfterEnd < addMonths(start, 12)) return 1;
  if (dayAfterEnd < addMonths(start, 36)) return 2;
  return 6;
}

/** Checks the offered terms against the law and the county's minimum wage; returns them normalised. */
export function validateTerms(input: ContractTermsInput, minimum: MinimumWages, today: string): ContractTerms {
  const field = (name: string) => `input.terms.${name}`;
  const workplaceRegionCode = parseRegionCode(input.workplaceRegionCode, field('workplaceRegionCode'));
  parseDate(input.startDate, field('startDate'), '开始日期');
  if (input.startDate < today) throw badInput(`开始日期 ${input.startDate} 已过，请填写今天（${today}）或以后的日期`, { field: field('startDate') });
  let endDate: string | null = null;
  if (input.termKind === ContractTermKind.FIXED) {
    if (!input.endDate) throw badInput('固定期限合同须填写终止日期（endDate）', { field: field('endDate') });
    parseDate(input.endDate, field('endDate'), '终止日期');
    if (input.endDate <= input.startDate) throw badInput('终止日期应晚于开始日期', { field: field('endDate') });
    endDate = input.endDate;
  } else if (input.endDate) {
    throw badInput('只有固定期限合同填写终止日期；无固定期限或以完成一定工作任务为期限的合同请不填', { field: field('endDate') });
  }
  const task = input.task?.trim() || null;
  if (input.termKind === ContractTermKind.PER_TASK && !task) throw badInput('以完成一定工作任务为期限的合同，请写明工作任务（task）', { field: field('task') });

  const allowed = maxProbationMonths(input.termKind, input.startDate, endDate);
  if (input.probationMonths > allowed) {
    const why =
      allowed === 0
        ? '合同期限不满三个月或以完成一定工作任务为期限的，不得约定试用期'
        : allowed === 1
          ? '合同期限三个月以上不满一年的，试用期不得超过一个月'
          : allowed === 2
            ? '合同期限一年以上不满三年的，试用期不得超过两个月'
            : '三年以上固定期限和无固定期限的合同，试用期不得超过六个月';
    throw badInput(`试用期过长：${why}（《劳动合同法》第十九条）`, {
      field: field('probationMonths'),
      reason: 'PROBATION_TOO_LONG',
      details: { maxProbationMonths: allowed },
    });
  }

  const wage = input.wage;
  const tooLow = (floor: string) =>
    badInput(`约定工资低于本县最低工资标准（${floor}），请提高工资`, { field: field('wage'), reason: 'BELOW_MINIMUM_WAGE', details: { minimum } });
  if (input.wageUnit === WageUnit.MONTH && wage < minimum.monthly) throw tooLow(`${minimum.monthly} 元/月`);
  if (input.wageUnit === WageUnit.HOUR && wage < minimum.hourly) throw tooLow(`${minimum.hourly} 元/小时`);
  if (input.wageUnit === WageUnit.DAY && wage < minimum.hourly * HOURS_PER_DAY)
    throw tooLow(`${minimum.hourly} 元/小时，按每天 8 小时即 ${minimum.hourly * HOURS_PER_DAY} 元/天`);

  return {
    wage,
    wageUnit: input.wageUnit,
    startDate: input.startDate,
    termKind: input.termKind,
    endDate,
    task,
    workplace: input.workplace.trim(),
    workplaceRegionCode,
    workingHours: input.workingHours.trim(),
    duties: input.duties.trim(),
    probationMonths: input.probationMonths,
    socialInsurance: input.socialInsurance,
  };
}
