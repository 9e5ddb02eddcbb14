/** The dashboards' sentences, as the county writes them in its reports: "县内务工 8287 人，同比增长 2.03%". */
export function changeWords(changePercent: number | null | undefined): string {
  if (changePercent === null || changePercent === undefined) return '上年同期无数据';
  if (changePercent === 0) return '与上年同期持平';
  const figure = Math.abs(changePercent).toFixed(2);
  return changePercent > 0 ? `同比增长 ${figure}%` : `同比下降 ${figure}%`;
}

export function yoySentence(label: string, current: number, changePercent: number | null | undefined, unit = '人'): string {
  return `${label} ${current}${unit ? ` ${unit}` : ''}，${changeWords(changePercent)}`;
}

/** A percentage with two decimals, or 一 when there is none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(2)}%`;
}
