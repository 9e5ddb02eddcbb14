/**
 * How a field was read, in words for the person and for staff reading the log: the log itself
 * keeps the route or field that read it (`GET /seekers/export`, `JobSeeker.phone`), which is
 * English and means nothing to a reader.
 */
const CHANNEL_WORDS: [prefix: string, word: string][] = [
  ['JobSeeker.', '在系统中查看个人信息'],
  ['GET /seekers/export', '导出求职者台账'],
  ['GET /statistics/placements/export', '导出就业台账'],
  ['GET /contracts/', '下载劳动合同'],
];

export function readChannelWord(channel: string): string {
  return CHANNEL_WORDS.find(([prefix]) => channel.startsWith(prefix))?.[1] ?? '在系统中查看个人信息';
}
