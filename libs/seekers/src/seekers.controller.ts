import { PassThrough } from 'node:stream';

import { Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { type Actor, Allow, badInput, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { attachmentDisposition, writeSheet, XLSX_CONTENT_TYPE } from '@jobcode/spreadsheets';

import { SeekerExportService } from './ledger/seeker-export.service';
import { IMPORT_REPORT_COLUMNS, importReportRows } from './ledger/seeker-import-report';
import { SeekerImportService, type SeekerImportReport } from './ledger/seeker-import.service';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The ledger (台账) routes: upload an .xlsx of seekers (multipart field `file`) and get the
 * per-row report as JSON (bounded), or with `?report=xlsx` every row's outcome as a sheet; download the seekers of a region as .xlsx in the same layout.
 * Bearer auth and `@Allow` through the same global guard as GraphQL.
 */
@Controller('seekers')
export class SeekersController {
  private readonly logger = new Logger(SeekersController.name);

  constructor(
    private readonly importer: SeekerImportService,
    private readonly exporter: SeekerExportService,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 20, windowSeconds: 3600 })
  @Post('import')
  @HttpCode(200)
  async import(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('report') format?: string,
  ): Promise<SeekerImportReport | PassThrough> {
    if (format !== undefined && format !== 'json' && format !== 'xlsx') throw badInput('report 参数只能是 json 或 xlsx', { field: 'report' });
    if (!request.isMultipart()) throw badInput('请以 multipart/form-data 上传，文件放在 file 字段', { field: 'file' });
    const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    if (!file) throw badInput('没有收到文件：请在 file 字段上传 .xlsx 台账', { field: 'file' });
    const tooLarge = () => badInput(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分成几个文件分批导入`, { field: 'file' });
    try {
      const report = await this.importer.import(actor, file.file, { listAll: format === 'xlsx' });
      if (file.file.truncated) throw tooLarge();
      if (format !== 'xlsx') return report;
      // The full report, every row with its outcome and reasons, as a sheet staff can fix and re-upload from.
      const body = new PassThrough();
      void reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentDisposition(`导入结果-${file.filename.replace(/\.xlsx$/i, '')}.xlsx`, 'import-report.xlsx'));
      writeSheet(body, '导入结果', IMPORT_REPORT_COLUMNS, importReportRows(report)).catch((error: unknown) => body.destroy(error as Error));
      return body;
    } catch (error) {
      if (file.file.truncated) throw tooLarge();
      throw error;
    }
  }

  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('export')
  async export(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('regionCode') regionCode?: string,
    @Query('full') full?: string,
    @Query('purpose') purpose?: string,
  ): Promise<void> {
    const region = await this.exporter.regionOf(actor, regionCode);
    const body = new PassThrough();
    reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(await this.exporter.fileName(region), 'job-seekers.xlsx'))
      .header('cache-control', 'no-store');
    const done = this.exporter
      .export(actor, body, { regionCode: region ?? undefined, full: full === 'true' || full === '1', purpose })
      .catch((error: unknown) => {
        this.logger.error(`Export failed: ${(error as Error).stack ?? String(error)}`);
        body.destroy(error as Error);
      });
    await reply.send(body);
    await done;
  }
}
