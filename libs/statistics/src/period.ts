import { badInput, isCalendarDate } from '@jobcode/common';

export interface ResolvedPeriod {
  from: string;
  to: string;
  /** The same period one year earlier (29 February becomes 28 February). */
  previousFrom: string;
  previousTo: string;
}

const MAX_DAYS = 3 * 366;

function validDate(value: string): boolean {
  if (!isCalendarDate(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function shiftYear(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A year, or from/to dates (both inclusive); the comparison period is shifted back one year. */
export function resolvePeriod(input: { year?: number | null; from?: string | null; to?: string | null }): ResolvedPeriod {
  let from: string;
  let to: string;
  if (input.year !== undefined && input.year !== null) {
    if (input.from || input.to) throw badInput('统计期请只填年份，或只填起止日期', { field: 'period' });
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('年份应在 2000 到 2100 之间', { field: 'period.year' });
    from = `${input.year}-01-01`;
    to = `${input.year}-12-31`;
  } else {
    if (!input.from || !input.to) throw badInput('统计期请填写年份，或同时填写起止日期（YYYY-MM-DD）', { field: 'period' });
    if (!validDate(input.from)) throw badInput('起始日期应为 YYYY-MM-DD 格式的有效日期', { field: 'period.from' });
    if (!validDate(input.to)) throw badInput('截止日期应为 YYYY-MM-DD 格式的有效日期', { field: 'period.to' });
    if (input.to < input.from) throw badInput('截止日期不能早于起始日期', { field: 'period.to' });
    from = input.from;
    to = input.to;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days > MAX_DAYS) throw badInput('统计期最长 3 年', { field: 'period.to' });
  }
  return { from, to, previousFrom: shiftYear(from, -1), previousTo: shiftYear(to, -1) };
}

/** Change against the previous figure in %, two decimals; null when there is nothing to compare with. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10000) / 100;
}

/** count / target in %, two decimals (2248 / 1987 → 113.14). */
export function completionPercent(count: number, target: number): number {
  return Math.round((count / target) * 10000) / 100;
}
