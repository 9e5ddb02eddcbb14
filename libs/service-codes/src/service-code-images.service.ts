import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';

export const PNG_SIZES = [256, 512, 1024, 2048] as const;

/**
 * QR images of a code's URL. Error correction H (30 % of the symbol may be lost) suits
 * boards that get dirty, torn or rained on. PNGs cost ~10 ms to draw, so they are cached.
 */
@Injectable()
export class ServiceCodeImages {
  private readonly pngCache = new Map<string, Buffer>();

  svg(url: string): Promise<string> {
    return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'H', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  }

  /** A PNG of at least `size` pixels (rounded up to a supported size). */
  async png(url: string, size = 512): Promise<Buffer> {
    const width = PNG_SIZES.find((s) => s >= size) ?? PNG_SIZES[PNG_SIZES.length - 1];
    const key = `${width}:${url}`;
    let image = this.pngCache.get(key);
    if (!image) {
      image = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'H', margin: 4, width });
      if (this.pngCache.size >= 2_000) this.pngCache.delete(this.pngCache.keys().next().value as string);
      this.pngCache.set(key, image);
    }
    return image;
  }
}
