import { type CellValue } from 'exceljs';

/** What a person typed in a cell, as text: numbers, dates, rich text, formulas and links flattened. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('error' in value) return '';
  }
  return String(value as unknown).trim();
}

/** True for a number cell holding more than 15 significant digits, which Excel has already rounded. */
export function isRoundedLongNumber(value: CellValue | undefined): boolean {
  return typeof value === 'number' && Math.abs(value) >= 1e15;
}
