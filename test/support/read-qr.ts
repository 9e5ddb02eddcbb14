import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { pdfPagePng } from './pdf-text';

/** Decodes the QR code in a PNG, as a phone camera would; undefined when none is found. */
export function readQrFromPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** Rasterises an SVG (resvg) and decodes the QR code in it. */
export function readQrFromSvg(svg: string, width = 600): string | undefined {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff' }).render().asPng();
  return readQrFromPng(Buffer.from(png));
}

/**
 * Decodes the QR code printed on a PDF page, as a phone would from the printed sheet: rendered
 * at 2× and, if jsQR finds nothing there, at 3× (a camera gets closer); undefined when neither shows one.
 */
export function readQrFromPdfPage(pdf: Buffer, page: number): string | undefined {
  for (const scale of [2, 3]) {
    const found = readQrFromPng(pdfPagePng(pdf, page, scale));
    if (found) return found;
  }
  return undefined;
}
