import { type Readable } from 'node:stream';

import { type CellValue } from 'exceljs';

import { cellText } from './cell-text';
import { Utf8WorkbookReader } from './utf8-workbook-reader';

export interface SheetRow {
  /** The row number a person sees in Excel (1 is the header row). */
  rowNumber: number;
  /** Cell text by header name, for the headers the caller asked for. */
  text: Record<string, string>;
  /** The raw cell values by header name (to spot numbers Excel has rounded). */
  raw: Record<string, CellValue | undefined>;
}

export interface ReadSheetOptions {
  /** Header names to look for, each with the aliases a ledger may use instead. */
  columns: Record<string, readonly string[]>;
  /** Headers that must be present; otherwise `MissingColumnsError`. */
  required: readonly string[];
  /** Rows scanned for the header row before giving up. */
  headerSearchRows?: number;
}

export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(`Missing columns: ${missing.join(', ')}`);
  }
}

export class NotASpreadsheetError extends Error {}

const normalise = (header: string) => header.replace(/[\s*＊（(].*$/u, '').replace(/\s+/g, '');

/**
 * Streams the first worksheet of an .xlsx file row by row (exceljs WorkbookReader), so a
 * 100k-row ledger never sits in memory. The header row is found among the first rows (ledgers
 * often carry a title line above it) and cells are returned as text by header name.
 * Empty rows are skipped.
 */
export async function* readSheetRows(input: Readable, options: ReadSheetOptions): AsyncGenerator<SheetRow> {
  const reader = new Utf8WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const searchRows = options.headerSearchRows ?? 5;
  let sheetSeen = false;
  try {
    for await (const worksheet of reader) {
      if (sheetSeen) continue; // only the first sheet; drain the others
      sheetSeen = true;
      let columnOf: Map<string, number> | undefined;
      let best = new Map<string, number>();
      const missing = () => options.required.filter((name) => !best.has(name));
      for await (const row of worksheet) {
        const values = row.values as CellValue[];
        if (!columnOf) {
          const candidate = matchHeader(values, options.columns);
          if (candidate.size > best.size) best = candidate;
          if (options.required.every((name) => candidate.has(name))) columnOf = candidate;
          else if (row.number >= searchRows) throw new MissingColumnsError(missing());
          continue;
        }
        const text: Record<string, string> = {};
        const raw: Record<string, CellValue | undefined> = {};
        let empty = true;
        for (const [name, index] of columnOf) {
          raw[name] = values[index];
          text[name] = cellText(values[index]);
          if (text[name]) empty = false;
        }
        if (!empty) yield { rowNumber: row.number, text, raw };
      }
      if (!columnOf) throw new MissingColumnsError(missing());
    }
  } catch (error) {
    if (error instanceof MissingColumnsError) throw error;
    // Whatever the zip, XML or workbook layers choke on (a 1-byte file, broken XML, a truncated
    // archive), the answer to the person is the same: this is not a readable .xlsx.
    throw new NotASpreadsheetError(error instanceof Error ? error.message : String(error));
  }
  if (!sheetSeen) throw new NotASpreadsheetError('No worksheet');
}

function matchHeader(values: CellValue[], columns: Record<string, readonly string[]>): Map<string, number> {
  const found = new Map<string, number>();
  values.forEach((value, index) => {
    const header = normalise(cellText(value));
    if (!header) return;
    for (const [name, aliases] of Object.entries(columns)) {
      if (!found.has(name) && (header === name || aliases.includes(header))) found.set(name, index);
    }
  });
  return found;
}
