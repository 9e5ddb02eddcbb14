const CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** HH:MM on the county's clock (Asia/Shanghai). */
export function countyClock(at: Date): string {
  return CLOCK.format(at);
}

/** M月D日 HH:MM on the county's clock, for messages. */
export function countyMoment(at: Date): string {
  const [, m, d] = DAY.format(at).split('-').map(Number);
  return `${m}月${d}日 ${countyClock(at)}`;
}
