import { readQrFromPng, readQrFromSvg } from '../../../../test/support/read-qr';
import { ServiceCodeImages } from '../service-code-images.service';
import { looksLikeToken, newServiceCodeToken } from '../service-code-token';

describe('service code tokens and images', () => {
  it('makes URL-safe base58 tokens of 96 random bits, all different', () => {
    const tokens = new Set(Array.from({ length: 5000 }, () => newServiceCodeToken()));
    expect(tokens.size).toBe(5000);
    for (const token of [...tokens].slice(0, 200)) {
      expect(looksLikeToken(token)).toBe(true);
      expect(token).toMatch(/^[1-9A-HJ-NP-Za-km-z]{15,17}$/);
    }
  });

  it('draws SVG and PNG QR codes that a reader decodes back to the URL', async () => {
    const images = new ServiceCodeImages();
    const url = `https://jobs.ziyuan.gov.cn/c/${newServiceCodeToken()}`;
    expect(readQrFromSvg(await images.svg(url), 400)).toBe(url);
    for (const size of [256, 512]) expect(readQrFromPng(await images.png(url, size))).toBe(url);
  }, 180_000);

  it('still reads when a fifth of the symbol is covered (error correction H for dirty boards)', async () => {
    const { PNG } = await import('pngjs');
    const images = new ServiceCodeImages();
    const url = `https://jobs.ziyuan.gov.cn/c/${newServiceCodeToken()}`;
    const png = PNG.sync.read(await images.png(url, 512));
    // Smear a band across the lower middle of the code, away from the three finder patterns.
    for (let y = Math.floor(png.height * 0.55); y < Math.floor(png.height * 0.65); y++) {
      for (let x = Math.floor(png.width * 0.3); x < Math.floor(png.width * 0.7); x++) {
        const i = (y * png.width + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
    expect(readQrFromPng(PNG.sync.write(png))).toBe(url);
  }, 180_000);
});
