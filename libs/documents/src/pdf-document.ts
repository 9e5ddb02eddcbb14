/** One block of a document, laid out top to bottom. */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  /** Body text; `indent` starts the first line two characters in, as Chinese documents do. */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right' | 'justify'; indent?: boolean; size?: number }
  /** A two-column key–value table (label | value), split across pages between rows. */
  | { kind: 'table'; rows: { label: string; value: string }[] }
  /** A PNG or JPEG, scaled to `width` points (default: its own size, at most the text width). */
  | { kind: 'image'; data: Buffer; width?: number; caption?: string }
  /** An SVG drawn as vectors into a `width` × `height` point box. */
  | { kind: 'svg'; svg: string; width: number; height: number; caption?: string }
  /** A QR code of `text`, drawn as vectors (sharp at any print size), `size` points square (default 170). */
  | { kind: 'qr'; text: string; size?: number; caption?: string }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' };

/** A simple structured document: what posters, contracts and ledgers are made of. */
export interface PdfDocument {
  title: string;
  subtitle?: string;
  blocks: PdfBlock[];
  /** Printed at the bottom of every page, left of the page number (e.g. the issuing office). */
  footer?: string;
  /** PDF metadata. */
  author?: string;
  subject?: string;
  /** The creation time in the metadata (default: now). With it fixed, the same document renders to the same bytes. */
  createdAt?: Date;
}
