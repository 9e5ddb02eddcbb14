import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The text of each page of a PDF, as a reader's copy-paste would give it (pdf.js, via pdf-parse). */
export function pdfPages(pdf: Buffer): { total: number; pages: string[] } {
  const output = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], { input: pdf, maxBuffer: 50 * 1024 * 1024 });
  return JSON.parse(output.toString('utf8')) as { total: number; pages: string[] };
}

/** One page of a PDF rendered to PNG (pdf.js): `page` counts from 1, or -1 for the last. */
export function pdfPagePng(pdf: Buffer, page: number, scale = 2): Buffer {
  return execFileSync(process.execPath, [join(__dirname, 'screenshot-pdf-page.mjs'), String(page), String(scale)], {
    input: pdf,
    maxBuffer: 100 * 1024 * 1024,
  });
}
