import { Global, Module } from '@nestjs/common';

import { PdfRenderer } from './pdf-renderer';

/** Document rendering (PDF with embedded CJK font); global so every feature can print. */
@Global()
@Module({ providers: [PdfRenderer], exports: [PdfRenderer] })
export class DocumentsModule {}
