/** `YYYY-MM-DD` of a moment in China Standard Time, the date people in the county see on their calendars. */
export function chinaDate(moment: Date = new Date()): string {
  return moment.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
