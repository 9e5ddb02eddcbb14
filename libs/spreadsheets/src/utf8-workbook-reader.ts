import { type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

import { stream } from 'exceljs';

/** Decodes a stream of UTF-8 buffers into text, carrying a character split between two chunks over to the next one. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The parts of exceljs's WorkbookReader this subclass hooks into (not in its typings). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

const Base = stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<stream.xlsx.WorkbookStreamReaderOptions>,
) => stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * exceljs 4.4.0's streaming reader decodes every zip chunk on its own, so a Chinese character
 * that straddles two chunks comes out as "��" (exceljs/exceljs#2063, #2084, still open): about
 * one row in a thousand of a Chinese ledger. This subclass hands the worksheet and
 * shared-strings parsers decoded text instead of raw buffers.
 */
export class Utf8WorkbookReader extends Base {
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown> {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }

  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
}
