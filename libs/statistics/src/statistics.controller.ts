import { PassThrough } from 'node:stream';

import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

import { type Actor, Allow, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { attachmentDisposition, type SheetColumn, writeSheet, XLSX_CONTENT_TYPE } from '@jobcode/spreadsheets';

import { DashboardService } from './dashboard.service';
import { ExportPeriodQuery, FunnelExportQuery, PlacementExportQuery, WorkshopExportQuery } from './dto/export-query';
import { PlacementLedgerService } from './placement-ledger.service';

/**
 * The .xlsx downloads behind the dashboard figures. Each takes `region` and `year` or
 * `from`+`to` (ExportPeriodQuery); the ones that list people also `supportGroup` and
 * `full=true`+`purpose` (unmasked, logged).
 */
@Controller('statistics')
export class StatisticsController {
  private readonly logger = new Logger(StatisticsController.name);

  constructor(
    private readonly ledger: PlacementLedgerService,
    private readonly dashboard: DashboardService,
  ) {}

  /**
   * GET /statistics/placements/export — the ledger behind a placementStats figure: `groupBy`+`key`
   * (one group's figure), `previous=true` (the same period last year).
   */
  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('placements/export')
  async exportPlacements(@CurrentActor() actor: Actor, @Res() reply: FastifyReply, @Query() q: PlacementExportQuery): Promise<void> {
    const query = {
      region: q.region,
      ...q.period(),
      supportGroup: q.supportGroup,
      groupBy: q.groupBy ?? null,
      key: q.key,
      previous: q.previous === true,
      full: q.full === true,
      purpose: q.purpose,
    };
    // Validates scope and period before any byte is sent, so refusals are proper error responses.
    const fileName = await this.ledger.fileName(actor, query);
    await this.sendWorkbook(reply, fileName, 'placements.xlsx', 'Placement ledger export', (body) => this.ledger.export(actor, body, query));
  }

  /** GET /statistics/fairs/export — the fairStats rows (one per fair) as .xlsx; no personal data in them. */
  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('fairs/export')
  async exportFairs(@CurrentActor() actor: Actor, @Res() reply: FastifyReply, @Query() q: ExportPeriodQuery): Promise<void> {
    const scope = await this.dashboard.ledgerScope(actor, { region: q.region, period: q.period() });
    const fairs = await this.dashboard.fairRows(scope.params);
    async function* rows(): AsyncGenerator<string[]> {
      for (const f of fairs) yield [f.name, f.date, f.venue, f.regionCode, String(f.employers), String(f.posts), String(f.attendance), String(f.hires)];
    }
    await this.sendWorkbook(reply, `招聘会台账-${scope.place}-${scope.from}至${scope.to}.xlsx`, 'fairs.xlsx', 'Fair ledger export', (body) =>
      writeSheet(body, '招聘会台账', FAIR_COLUMNS, rows()),
    );
  }

  /** GET /statistics/funnel/export — the scanFunnel figures (the total and each group of `groupBy`) as .xlsx; counts only, no personal data. */
  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('funnel/export')
  async exportFunnel(@CurrentActor() actor: Actor, @Res() reply: FastifyReply, @Query() q: FunnelExportQuery): Promise<void> {
    const funnel = await this.dashboard.scanFunnel(actor, { region: q.region, period: q.period(), groupBy: q.groupBy ?? null });
    async function* rows(): AsyncGenerator<string[]> {
      for (const [label, f] of [['合计', funnel.total] as const, ...funnel.groups.map((g) => [g.label, g] as const)]) {
        yield [label, ...[f.scans, f.scanners, f.applications, f.applicants, f.contractsSent, f.contractsActive, f.peopleContracted].map(String)];
      }
      yield [funnel.definition];
    }
    const fileName = `扫码转化-${funnel.regionName}-${funnel.period.from}至${funnel.period.to}.xlsx`;
    await this.sendWorkbook(reply, fileName, 'scan-funnel.xlsx', 'Scan funnel export', (body) => writeSheet(body, '扫码转化', FUNNEL_COLUMNS, rows()));
  }

  /**
   * GET /statistics/workshops/export — the people behind workshopStats: placements at the region's
   * workshops (or one, `workshopId`) in the period, masked like the placement ledger (`full=true`+`purpose`).
   */
  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('workshops/export')
  async exportWorkshops(@CurrentActor() actor: Actor, @Res() reply: FastifyReply, @Query() q: WorkshopExportQuery): Promise<void> {
    const query = {
      region: q.region,
      ...q.period(),
      supportGroup: q.supportGroup,
      workshops: true,
      workshopId: q.workshopId ?? null,
      full: q.full === true,
      purpose: q.purpose,
    };
    const fileName = await this.ledger.fileName(actor, query);
    await this.sendWorkbook(reply, fileName, 'workshop-placements.xlsx', 'Workshop ledger export', (body) => this.ledger.export(actor, body, query));
  }

  /** Streams a workbook as a download; a failure half-way is logged and cuts the download short (the headers are already sent). */
  private async sendWorkbook(
    reply: FastifyReply,
    fileName: string,
    fallbackName: string,
    label: string,
    write: (body: PassThrough) => Promise<unknown>,
  ): Promise<void> {
    const body = new PassThrough();
    reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(fileName, fallbackName))
      .header('cache-control', 'no-store');
    const done = write(body).catch((error: unknown) => {
      this.logger.error(`${label} failed: ${(error as Error).stack ?? String(error)}`);
      body.destroy(error as Error);
    });
    await reply.send(body);
    await done;
  }
}

const FAIR_COLUMNS: SheetColumn[] = [
  { header: '招聘会', width: 30 },
  { header: '日期', width: 12, type: 'DATE' },
  { header: '地点', width: 30 },
  { header: '区划代码', width: 14 },
  { header: '参会单位', width: 10, type: 'COUNT' },
  { header: '提供岗位', width: 10, type: 'COUNT' },
  { header: '到场人数', width: 10, type: 'COUNT' },
  { header: '录用人数', width: 10, type: 'COUNT' },
];

const FUNNEL_COLUMNS: SheetColumn[] = [
  { header: '分组', width: 36 },
  { header: '扫码次数', width: 10, type: 'COUNT' },
  { header: '扫码人数', width: 10, type: 'COUNT' },
  { header: '报名次数', width: 10, type: 'COUNT' },
  { header: '报名人数', width: 10, type: 'COUNT' },
  { header: '发出合同', width: 10, type: 'COUNT' },
  { header: '生效合同', width: 10, type: 'COUNT' },
  { header: '签约人数', width: 10, type: 'COUNT' },
];
