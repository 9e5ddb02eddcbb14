/**
 * `attachment` with a Chinese file name that every browser gets right: an ASCII fallback
 * plus the UTF-8 name encoded per RFC 5987 / RFC 6266 (`filename*=UTF-8''…`).
 */
export function attachmentDisposition(filename: string, asciiFallback = 'export.xlsx'): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
