import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (SIL Open Font License 1.1; the Source Han Sans glyphs, all of GB 2312 and
 * more), from the @expo-google-fonts/noto-sans-sc package as TrueType. PDFKit embeds only
 * the glyphs a document uses (a subset), so a page costs kilobytes, not the 10 MB font.
 */
const PACKAGE = '@expo-google-fonts/noto-sans-sc/package.json';
const FILES = { regular: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' } as const;

export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
}

let loading: Promise<CjkFonts> | undefined;

/** Reads both weights once per process. */
export function loadCjkFonts(): Promise<CjkFonts> {
  loading ??= (async () => {
    const dir = dirname(require.resolve(PACKAGE));
    const [regular, bold] = await Promise.all([readFile(join(dir, FILES.regular)), readFile(join(dir, FILES.bold))]);
    return { regular, bold };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
