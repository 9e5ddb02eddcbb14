/** 黄小明 → 黄**, 李四 → 李*: the surname and one star per other character; what people not entitled to the record see. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
