/**
 * The limits offerContract enforces, shown while the terms are typed (the API checks them
 * again and its message wins): 《劳动合同法》第十九条 on probation, the county minimum wage.
 */
export function maxProbationMonths(termKind: string, startDate: string, endDate: string | null): number {
  if (termKind === 'PER_TASK') return 0;
  if (termKind === 'OPEN_ENDED' || !endDate) return 6;
  const start = new Date(`${startDate}T00:00:00Z`);
  const dayAfterEnd = new Date(Date.parse(`${endDate}T00:00:00Z`) + 86_400_000);
  const plus = (months: number) => {
    const d = new Date(start);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d;
  };
  if (dayAfterEnd < plus(3)) return 0;
  if (dayAfterEnd < plus(12)) return 1;
  if (dayAfterEnd < plus(36)) return 2;
  return 6;
}

export function probationProblem(termKind: string, startDate: string, endDate: string | null, months: number): string {
  if (!startDate || (termKind === 'FIXED' && !endDate)) return '';
  const allowed = maxProbationMonths(termKind, startDate, endDate);
  if (months <= allowed) return '';
  const why =
    allowed === 0
      ? '合同期限不满三个月或以完成一定工作任务为期限的，不得约定试用期'
      : allowed === 1
        ? '合同期限三个月以上不满一年的，试用期不得超过一个月'
        : allowed === 2
          ? '合同期限一年以上不满三年的，试用期不得超过两个月'
          : '三年以上固定期限和无固定期限的合同，试用期不得超过六个月';
  return `试用期过长：${why}（《劳动合同法》第十九条）`;
}

export interface Floors {
  monthly: number;
  hourly: number;
  daily: number;
}

export function wageProblem(wage: number, unit: string, floors: Floors | undefined): string {
  if (!floors || !wage) return '';
  const floor = unit === 'MONTH' ? floors.monthly : unit === 'HOUR' ? floors.hourly : unit === 'DAY' ? floors.daily : 0;
  if (wage >= floor) return '';
  const text =
    unit === 'MONTH'
      ? `${floors.monthly} 元/月`
      : unit === 'HOUR'
        ? `${floors.hourly} 元/小时`
        : `${floors.hourly} 元/小时，按每天 8 小时即 ${floors.daily} 元/天`;
  return `约定工资低于本县最低工资标准（${text}），请提高工资`;
}
