import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import SVGtoPDF from 'svg-to-pdfkit';

import { type CjkFonts, loadCjkFonts } from './cjk-font';
import { DocumentsException, DocumentsExceptionCode } from './documents.exception';
import { type PdfBlock, type PdfDocument } from './pdf-document';

const MARGIN = { top: 56, left: 56, right: 56, bottom: 64 };
const INK = '#1f2328';
const MUTED = '#59636e';
const RULE = '#d0d7de';
const LABEL_FILL = '#f3f5f7';
const BODY_SIZE = 11;
const CELL_PAD = 6;

type Doc = PDFKit.PDFDocument;
/** PDFKit's image decoder (PNG, JPEG), which @types/pdfkit does not declare. */
type WithOpenImage = Doc & { openImage(source: Buffer): { width: number; height: number } };

/**
 * Renders structured documents to A4 PDF with Chinese text: Noto Sans SC embedded as a
 * subset (only the glyphs used), page numbers in every footer. Stateless and safe to call
 * concurrently; the font files are read once per process.
 */
@Injectable()
export class PdfRenderer {
  /** Renders `document` to a PDF file's bytes. Refuses (BAD_USER_INPUT) an image that is not PNG or JPEG. */
  async render(document: PdfDocument): Promise<Buffer> {
    if (!document.title?.trim()) throw new DocumentsException(DocumentsExceptionCode.INVALID_DOCUMENT, '文档须有标题', { field: 'title' });
    const fonts = await loadCjkFonts();
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: document.title,
        Author: document.author ?? '就业服务码平台',
        Subject: document.subject ?? document.title,
        Creator: 'Jobcode',
        Producer: 'Jobcode PdfRenderer (PDFKit)',
        CreationDate: document.createdAt ?? new Date(),
      },
      lang: 'zh-CN',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    try {
      this.registerFonts(doc, fonts);
      this.titleBlock(doc, document);
      for (const [index, block] of document.blocks.entries()) await this.block(doc, block, index);
      this.footers(doc, document.footer);
    } finally {
      doc.end();
    }
    return finished;
  }

  private registerFonts(doc: Doc, fonts: CjkFonts): void {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    doc.font('regular').fontSize(BODY_SIZE).fillColor(INK);
  }

  private get width(): number {
    return 595.28 - MARGIN.left - MARGIN.right;
  }

  private titleBlock(doc: Doc, document: PdfDocument): void {
    doc.font('bold').fontSize(20).fillColor(INK).text(document.title, MARGIN.left, MARGIN.top, { width: this.width, align: 'center' });
    if (document.subtitle) {
      doc.moveDown(0.3).font('regular').fontSize(11).fillColor(MUTED).text(document.subtitle, { width: this.width, align: 'center' });
    }
    doc.moveDown(1).font('regular').fontSize(BODY_SIZE).fillColor(INK);
  }

  private async block(doc: Doc, block: PdfBlock, index: number): Promise<void> {
    switch (block.kind) {
      case 'heading':
        this.ensureSpace(doc, 40);
        doc.moveDown(0.4).font('bold').fontSize(14).fillColor(INK).text(block.text, MARGIN.left, doc.y, { width: this.width });
        doc.moveDown(0.3).font('regular').fontSize(BODY_SIZE);
        return;
      case 'paragraph':
        doc
          .font('regular')
          .fontSize(block.size ?? BODY_SIZE)
          .fillColor(INK)
          .text(block.text, MARGIN.left, doc.y, {
            width: this.width,
            align: block.align ?? 'justify',
            lineGap: 4,
            indent: block.indent ? 2 * (block.size ?? BODY_SIZE) : 0,
          });
        doc.moveDown(0.5).fontSize(BODY_SIZE);
        return;
      case 'table':
        this.table(doc, block.rows);
        return;
      case 'image':
        this.image(doc, block.data, block.width, block.caption, index);
        return;
      case 'svg':
        this.ensureSpace(doc, block.height + (block.caption ? 24 : 8));
        SVGtoPDF(doc, block.svg, MARGIN.left + (this.width - block.width) / 2, doc.y, { width: block.width, height: block.height, assumePt: true });
        doc.y += block.height;
        this.caption(doc, block.caption);
        return;
      case 'qr':
        await this.qr(doc, block.text, block.size ?? 170, block.caption);
        return;
      case 'spacer':
        doc.y += block.height;
        return;
      case 'pageBreak':
        doc.addPage();
        return;
    }
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  private ensureSpace(doc: Doc, height: number): void {
    if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
  }

  private table(doc: Doc, rows: { label: string; value: string }[]): void {
    const labelWidth = Math.round(this.width * 0.3);
    const valueWidth = this.width - labelWidth;
    doc.font('regular').fontSize(BODY_SIZE);
    for (const row of rows) {
      const height =
        Math.max(
          doc.font('bold').heightOfString(row.label, { width: labelWidth - 2 * CELL_PAD }),
          doc.font('regular').heightOfString(row.value || ' ', { width: valueWidth - 2 * CELL_PAD }),
        ) +
        2 * CELL_PAD;
      this.ensureSpace(doc, height);
      const top = doc.y;
      doc.rect(MARGIN.left, top, labelWidth, height).fillAndStroke(LABEL_FILL, RULE);
      doc.rect(MARGIN.left + labelWidth, top, valueWidth, height).stroke(RULE);
      doc
        .fillColor(INK)
        .font('bold')
        .text(row.label, MARGIN.left + CELL_PAD, top + CELL_PAD, { width: labelWidth - 2 * CELL_PAD });
      doc.font('regular').text(row.value, MARGIN.left + labelWidth + CELL_PAD, top + CELL_PAD, { width: valueWidth - 2 * CELL_PAD });
      doc.x = MARGIN.left;
      doc.y = top + height;
    }
    doc.moveDown(0.8);
  }

  private image(doc: Doc, data: Buffer, width: number | undefined, caption: string | undefined, index: number): void {
    let image: { width: number; height: number };
    try {
      image = (doc as WithOpenImage).openImage(data);
    } catch {
      throw new DocumentsException(DocumentsExceptionCode.UNSUPPORTED_IMAGE, `第 ${index + 1} 块的图片无法识别：只能使用 PNG 或 JPEG 图片`, {
        field: `blocks.${index}.data`,
      });
    }
    const drawWidth = Math.min(width ?? image.width, this.width);
    const drawHeight = (image.height / image.width) * drawWidth;
    this.ensureSpace(doc, drawHeight + (caption ? 24 : 8));
    doc.image(data, MARGIN.left + (this.width - drawWidth) / 2, doc.y, { width: drawWidth, height: drawHeight });
    doc.y += drawHeight;
    this.caption(doc, caption);
  }

  private async qr(doc: Doc, text: string, size: number, caption: string | undefined): Promise<void> {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const modules = code.modules.size;
    const quiet = 4;
    const unit = size / (modules + 2 * quiet);
    this.ensureSpace(doc, size + (caption ? 24 : 8));
    const left = MARGIN.left + (this.width - size) / 2;
    const top = doc.y;
    doc.save().rect(left, top, size, size).fill('#ffffff');
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        if (code.modules.get(row, col)) doc.rect(left + (col + quiet) * unit, top + (row + quiet) * unit, unit + 0.02, unit + 0.02);
      }
    }
    doc.fill('#000000').restore();
    doc.x = MARGIN.left;
    doc.y = top + size;
    this.caption(doc, caption);
  }

  private caption(doc: Doc, caption: string | undefined): void {
    if (caption) {
      doc.moveDown(0.3).font('regular').fontSize(10).fillColor(MUTED).text(caption, MARGIN.left, doc.y, { width: this.width, align: 'center' });
      doc.fillColor(INK).fontSize(BODY_SIZE);
    }
    doc.moveDown(0.6);
  }

  /** `footer    第 i 页 / 共 n 页` at the bottom of every page (written after layout, when n is known). */
  private footers(doc: Doc, footer: string | undefined): void {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
      const y = doc.page.height - MARGIN.bottom + 24;
      doc
        .moveTo(MARGIN.left, y - 8)
        .lineTo(MARGIN.left + this.width, y - 8)
        .lineWidth(0.5)
        .stroke(RULE);
      doc.font('regular').fontSize(9).fillColor(MUTED);
      if (footer) doc.text(footer, MARGIN.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, MARGIN.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
