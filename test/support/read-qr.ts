import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

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
