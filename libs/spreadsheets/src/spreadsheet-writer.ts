import { type Writable } from 'node:stream';

import { type CellValue, stream } from 'exceljs';

/**
 * What a column holds, so Excel can sum and sort it: TEXT keeps the value as typed (ID
 * numbers, phones and region codes would lose digits or leading zeros as numbers); COUNT is
 * a whole number, AMOUNT a sum of money in yuan (two decimals), DATE a county date (yyyy-mm-dd).
 */
export type SheetColumnType = 'TEXT' | 'COUNT' | 'AMOUNT' | 'DATE';

export interface SheetColumn {
  header: string;
  width?: number;
  /** TEXT unless said. */
  type?: SheetColumnType;
}

const NUMBER_FORMAT: Record<SheetColumnType, string> = { TEXT: '@', COUNT: '0', AMOUNT: '#,##0.00', DATE: 'yyyy-mm-dd' };
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The cell written for a value of a column: a number or a date where the column says so and the value is one; text otherwise. */
export function typedCell(value: string, type: SheetColumnType = 'TEXT'): CellValue {
  if (type === 'TEXT') return value;
  const text = value.trim();
  if (text === '') return null;
  if ((type === 'COUNT' || type === 'AMOUNT') && NUMBER.test(text)) return Number(text);
  const date = type === 'DATE' ? DATE.exec(text) : null;
  // Midnight UTC: Excel has no time zone, and exceljs writes the UTC calendar day.
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  return value;
}

/** Excel column width (in characters of the default font) that shows the text whole: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * Writes one worksheet to a stream with exceljs's streaming WorkbookWriter: each row is
 * committed as soon as it is added, so an export of 100k rows never sits in memory.
 * Each column's cells are typed by its `type` (numbers, amounts and dates as such, the rest as
 * text); the header row is bold and frozen, and each column at least as wide as its header.
 */
export async function writeSheet(
  output: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(column.width ?? 14, displayWidth(column.header) + 2),
    style: { numFmt: NUMBER_FORMAT[column.type ?? 'TEXT'] },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const values of rows) {
    sheet.addRow(values.map((value, i) => typedCell(value, columns[i]?.type))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
