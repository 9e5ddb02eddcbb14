import { Module } from '@nestjs/common';

import { PdfRenderer } from './pdf-renderer';

/** Document rendering (PDF with embedded CJK font); a feature that prints imports it. */
@Module({ providers: [PdfRenderer], exports: [PdfRenderer] })
export class DocumentsModule {}
