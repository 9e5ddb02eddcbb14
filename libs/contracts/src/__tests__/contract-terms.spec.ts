import { AppError, ErrorCode } from '@jobcode/common';
import { WageUnit } from '@jobcode/jobs';

import { maxProbationMonths, type MinimumWages, validateTerms } from '../contract-terms';
import { ContractTermKind } from '../contract.enums';
import { type ContractTermsInput } from '../dto/contract-terms.input';

const TODAY = '2027-03-01';
const MINIMUM: MinimumWages = { monthly: 1810, hourly: 17.5 };

/** Two years from today, two months' probation, above the minimum wage. */
function terms(overrides: Partial<ContractTermsInput> = {}): ContractTermsInput {
  return {
    wage: 2800,
    wageUnit: WageUnit.MONTH,
    startDate: TODAY,
    termKind: ContractTermKind.FIXED,
    endDate: '2029-02-28',
    task: null,
    workplace: '资源县瓜里乡金江村番茄基地',
    workplaceRegionCode: '450329103201',
    workingHours: '每天 8 小时，每周 5 天',
    duties: '番茄采摘、分拣、装箱',
    probationMonths: 2,
    socialInsurance: true,
    ...overrides,
  };
}

/** The refusal `run` throws, as the client would read it. */
function refusal(run: () => unknown): { code: ErrorCode; field?: string; reason?: string; details?: Record<string, unknown>; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, field: error.field, reason: error.reason, details: error.details, message: error.message };
  }
  throw new Error('expected a refusal, but the terms were accepted');
}

describe('maxProbationMonths (劳动合同法第十九条)', () => {
  it('allows none per task, six open-ended or without an end date', () => {
    expect(maxProbationMonths(ContractTermKind.PER_TASK, TODAY, null)).toBe(0);
    expect(maxProbationMonths(ContractTermKind.PER_TASK, TODAY, '2030-01-01')).toBe(0);
    expect(maxProbationMonths(ContractTermKind.OPEN_ENDED, TODAY, null)).toBe(6);
    expect(maxProbationMonths(ContractTermKind.FIXED, TODAY, null)).toBe(6);
  });

  it.each([
    ['one day short of three months', '2027-05-30', 0],
    ['exactly three months (the last day included)', '2027-05-31', 1],
    ['one day short of a year', '2028-02-28', 1],
    ['exactly a year, over a leap day', '2028-02-29', 2],
    ['one day short of three years', '2030-02-27', 2],
    ['exactly three years', '2030-02-28', 6],
    ['ten years', '2037-02-28', 6],
  ])('counts a fixed term of %s (to %s) as allowing %s month(s)', (_, endDate, months) => {
    expect(maxProbationMonths(ContractTermKind.FIXED, TODAY, endDate)).toBe(months);
  });

  it('refuses a date that is not on the calendar, naming the field', () => {
    expect(refusal(() => maxProbationMonths(ContractTermKind.FIXED, TODAY, '2027-02-30'))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'input.terms.endDate',
      message: '终止日期不是有效日期：2027-02-30',
    });
  });
});

describe('validateTerms', () => {
  it('returns the terms normalised: text trimmed, region code trimmed, no task unless one is written', () => {
    const valid = validateTerms(
      terms({ workplace: '  金江村番茄基地 ', workingHours: ' 每天 8 小时 ', duties: ' 采摘 ', workplaceRegionCode: ' 450329103 ', task: '   ' }),
      MINIMUM,
      TODAY,
    );
    expect(valid).toEqual({
      wage: 2800,
      wageUnit: WageUnit.MONTH,
      startDate: TODAY,
      termKind: ContractTermKind.FIXED,
      endDate: '2029-02-28',
      task: null,
      workplace: '金江村番茄基地',
      workplaceRegionCode: '450329103',
      workingHours: '每天 8 小时',
      duties: '采摘',
      probationMonths: 2,
      socialInsurance: true,
    });
  });

  it('keeps no end date for an open-ended contract and the task of a per-task one', () => {
    expect(validateTerms(terms({ termKind: ContractTermKind.OPEN_ENDED, endDate: undefined, probationMonths: 6 }), MINIMUM, TODAY)).toMatchObject({
      endDate: null,
      probationMonths: 6,
    });
    expect(
      validateTerms(terms({ termKind: ContractTermKind.PER_TASK, endDate: null, task: ' 采完今年的番茄 ', probationMonths: 0 }), MINIMUM, TODAY),
    ).toMatchObject({ endDate: null, task: '采完今年的番茄', probationMonths: 0 });
  });

  it('accepts a start today and refuses one in the past, saying which day is the earliest', () => {
    expect(validateTerms(terms(), MINIMUM, TODAY).startDate).toBe(TODAY);
    expect(refusal(() => validateTerms(terms({ startDate: '2027-02-28' }), MINIMUM, TODAY))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'input.terms.startDate',
      reason: undefined,
      details: undefined,
      message: '开始日期 2027-02-28 已过，请填写今天（2027-03-01）或以后的日期',
    });
  });

  it('refuses a start date that is not on the calendar', () => {
    expect(refusal(() => validateTerms(terms({ startDate: '2027-04-31' }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.startDate',
      message: '开始日期不是有效日期：2027-04-31',
    });
  });

  it('asks a fixed-term contract for an end date after its start, and refuses one on the other kinds', () => {
    expect(refusal(() => validateTerms(terms({ endDate: null }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.endDate',
      message: '固定期限合同须填写终止日期（endDate）',
    });
    expect(refusal(() => validateTerms(terms({ endDate: TODAY, probationMonths: 0 }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.endDate',
      message: '终止日期应晚于开始日期',
    });
    expect(refusal(() => validateTerms(terms({ termKind: ContractTermKind.OPEN_ENDED }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.endDate',
      message: expect.stringContaining('只有固定期限合同填写终止日期'),
    });
    expect(refusal(() => validateTerms(terms({ termKind: ContractTermKind.PER_TASK, task: '采摘', probationMonths: 0 }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.endDate',
    });
  });

  it('asks a per-task contract what the task is', () => {
    expect(
      refusal(() => validateTerms(terms({ termKind: ContractTermKind.PER_TASK, endDate: null, task: '  ', probationMonths: 0 }), MINIMUM, TODAY)),
    ).toMatchObject({ field: 'input.terms.task', message: '以完成一定工作任务为期限的合同，请写明工作任务（task）' });
  });

  it.each([
    ['a per-task contract', { termKind: ContractTermKind.PER_TASK, endDate: null, task: '采摘', probationMonths: 1 }, 0, '不得约定试用期'],
    ['a contract of two months', { endDate: '2027-04-30', probationMonths: 1 }, 0, '不得约定试用期'],
    ['a contract of six months', { endDate: '2027-08-31', probationMonths: 2 }, 1, '试用期不得超过一个月'],
    ['a contract of two years', { probationMonths: 3 }, 2, '试用期不得超过两个月'],
  ])('refuses a probation longer than the law allows for %s, saying the limit', (_, overrides, allowed, why) => {
    const refused = refusal(() => validateTerms(terms(overrides), MINIMUM, TODAY));
    expect(refused).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'input.terms.probationMonths',
      reason: 'PROBATION_TOO_LONG',
      details: { maxProbationMonths: allowed },
    });
    expect(refused.message).toContain(why);
    expect(refused.message).toContain('《劳动合同法》第十九条');
  });

  it('accepts the longest probation the term allows', () => {
    expect(validateTerms(terms({ endDate: '2027-08-31', probationMonths: 1 }), MINIMUM, TODAY).probationMonths).toBe(1);
    expect(validateTerms(terms({ endDate: '2030-02-28', probationMonths: 6 }), MINIMUM, TODAY).probationMonths).toBe(6);
  });

  it.each([
    [WageUnit.MONTH, 1809.99, 1810, '1810 元/月'],
    [WageUnit.HOUR, 17.49, 17.5, '17.5 元/小时'],
    [WageUnit.DAY, 139.99, 140, '17.5 元/小时，按每天 8 小时即 140 元/天'],
  ])('holds a %s wage to the county minimum: %s is refused, %s accepted', (wageUnit, below, atMinimum, floor) => {
    expect(refusal(() => validateTerms(terms({ wageUnit, wage: below }), MINIMUM, TODAY))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'input.terms.wage',
      reason: 'BELOW_MINIMUM_WAGE',
      details: { minimum: MINIMUM },
      message: `约定工资低于本县最低工资标准（${floor}），请提高工资`,
    });
    expect(validateTerms(terms({ wageUnit, wage: atMinimum }), MINIMUM, TODAY).wage).toBe(atMinimum);
  });

  it('has no minimum to hold a piece rate to', () => {
    expect(validateTerms(terms({ wageUnit: WageUnit.PIECE, wage: 0.5 }), MINIMUM, TODAY)).toMatchObject({ wage: 0.5, wageUnit: WageUnit.PIECE });
  });

  it('refuses a workplace region code of the wrong length, naming the field', () => {
    expect(refusal(() => validateTerms(terms({ workplaceRegionCode: '45032910' }), MINIMUM, TODAY))).toMatchObject({
      field: 'input.terms.workplaceRegionCode',
      reason: 'INVALID_REGION_CODE',
    });
  });
});
