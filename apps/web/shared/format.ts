/** Chinese formatting of what the pages show: money in 元, dates as 2026年12月5日, ages of cached data. */

const UNIT_WORD: Record<string, string> = { MONTH: '月', DAY: '天', HOUR: '小时', PIECE: '件' };

export function yuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
}

/** 3000–4500 元/月, 150 元/天, or one figure when both ends agree. */
export function wageRange(min: number, max: number, unit: string): string {
  const per = UNIT_WORD[unit] ?? unit;
  const figures = min === max || !max ? min.toLocaleString('zh-CN') : `${min.toLocaleString('zh-CN')}–${max.toLocaleString('zh-CN')}`;
  return `${figures} 元/${per}`;
}

/** 2026年12月5日 (county time), from an ISO timestamp or a YYYY-MM-DD date. */
export function chineseDate(value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

/** 2026年12月5日 14:30 (county time). */
export function chineseDateTime(value: string | Date): string {
  const date = new Date(value);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${chineseDate(date)} ${time}`;
}

/** 刚刚, 5 分钟前, 3 小时前, 2 天前: how old what is shown is. */
export function age(since: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - since) / 60_000));
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} 小时前`;
  return `${Math.round(hours / 24)} 天前`;
}

/** 800 米, 3.2 公里. */
export function distance(km: number): string {
  return km < 1 ? `${Math.max(10, Math.round((km * 1000) / 10) * 10)} 米` : `${km < 10 ? km.toFixed(1) : Math.round(km)} 公里`;
}

/** A count the API estimated (search over many jobs) is written with 约. */
export function count(total: number, approximate: boolean): string {
  return approximate ? `约 ${total.toLocaleString('zh-CN')}` : total.toLocaleString('zh-CN');
}
