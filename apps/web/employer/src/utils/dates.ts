/** Today in county time (Asia/Shanghai) as YYYY-MM-DD, and days from it. */
export function countyToday(offsetDays = 0): string {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from today (county time) to a YYYY-MM-DD date. */
export function daysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${countyToday()}T00:00:00Z`)) / 86_400_000);
}

/** 14:30 from an ISO timestamp, county time. */
export function clock(value: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(value));
}

/** HH:MM from HH:MM or HH:MM:SS. */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}
