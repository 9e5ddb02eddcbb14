import { type Writable } from 'node:stream';

import { stream } from 'exceljs';

export interface SheetColumn {
  header: string;
  width?: number;
}

/**
 * Writes one worksheet to a stream with exceljs's streaming WorkbookWriter: each row is
 * committed as soon as it is added, so an export of 100k rows never sits in memory.
 * Cells are written as text (ID numbers would lose digits as numbers).
 */
export async function writeSheet(
  output: Writable,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 14, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const values of rows) {
    sheet.addRow([...values]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
