import { PassThrough } from 'node:stream';

import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

import { type Actor, Allow, badInput, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { attachmentDisposition, type SheetColumn, writeSheet, XLSX_CONTENT_TYPE } from '@jobcode/spreadsheets';

import { FunnelGroupBy } from './dashboard.objects';
import { DashboardService } from './dashboard.service';
import { PlacementLedgerService } from './placement-ledger.service';
import { StatsGroupBy } from './stats-group-by';

/**
 * GET /statistics/placements/export — the ledger behind a placementStats figure as .xlsx:
 * `region`, `year` or `from`+`to`, optional `supportGroup`, `groupBy`+`key` (one group's
 * figure), `previous=true` (the same period last year), `full=true`+`purpose` (unmasked, logged).
 */
@Controller('statistics')
export class StatisticsController {
  private readonly logger = new Logger(StatisticsController.name);

  constructor(
    private readonly ledger: PlacementLedgerService,
    private readonly dashboard: DashboardService,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('placements/export')
  async exportPlacements(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('region') region?: string,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('supportGroup') supportGroup?: string,
    @Query('groupBy') groupBy?: string,
    @Query('key') key?: string,
    @Query('previous') previous?: string,
    @Query('full') full?: string,
    @Query('purpose') purpose?: string,
  ): Promise<void> {
    if (year !== undefined && !/^\d{4}$/.test(year)) throw badInput('year 应为 4 位年份', { field: 'year' });
    if (groupBy !== undefined && !Object.values(StatsGroupBy).includes(groupBy as StatsGroupBy)) {
      throw badInput(`groupBy 应为 ${Object.values(StatsGroupBy).join('、')} 之一`, { field: 'groupBy' });
    }
    if (supportGroup !== undefined && !/^[A-Z][A-Z0-9_]{1,39}$/.test(supportGroup))
      throw badInput('supportGroup 应为帮扶人员类别代码，例如 LIFTED_OUT', { field: 'supportGroup' });
    const query = {
      region,
      year: year === undefined ? null : Number(year),
      from,
      to,
      supportGroup,
      groupBy: (groupBy as StatsGroupBy | undefined) ?? null,
      key,
      previous: previous === 'true' || previous === '1',
      full: full === 'true' || full === '1',
      purpose,
    };
    // Validates scope and period before any byte is sent, so refusals are proper error responses.
    const fileName = await this.ledger.fileName(actor, query);
    await this.sendWorkbook(reply, fileName, 'placements.xlsx', 'Placement ledger export', (body) => this.ledger.export(actor, body, query));
  }

  /** GET /statistics/fairs/export — the fairStats rows (one per fair) as .xlsx; no personal data in them. */
  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('fairs/export')
  async exportFairs(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('region') region?: string,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<void> {
    const scope = await this.dashboard.ledgerScope(actor, { region, period: periodOf(year, from, to) });
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
  async exportFunnel(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('region') region?: string,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('groupBy') groupBy?: string,
  ): Promise<void> {
    if (groupBy !== undefined && !Object.values(FunnelGroupBy).includes(groupBy as FunnelGroupBy)) {
      throw badInput(`groupBy 应为 ${Object.values(FunnelGroupBy).join('、')} 之一`, { field: 'groupBy' });
    }
    const funnel = await this.dashboard.scanFunnel(actor, {
      region,
      period: periodOf(year, from, to),
      groupBy: (groupBy as FunnelGroupBy | undefined) ?? null,
    });
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
  async exportWorkshops(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('region') region?: string,
    @Query('year') year?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('workshopId') workshopId?: string,
    @Query('supportGroup') supportGroup?: string,
    @Query('full') full?: string,
    @Query('purpose') purpose?: string,
  ): Promise<void> {
    if (supportGroup !== undefined && !/^[A-Z][A-Z0-9_]{1,39}$/.test(supportGroup))
      throw badInput('supportGroup 应为帮扶人员类别代码，例如 LIFTED_OUT', { field: 'supportGroup' });
    const query = {
      region,
      ...periodOf(year, from, to),
      supportGroup,
      workshops: true,
      workshopId: workshopId ?? null,
      full: full === 'true' || full === '1',
      purpose,
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
  { header: '日期', width: 12 },
  { header: '地点', width: 30 },
  { header: '区划代码', width: 14 },
  { header: '参会单位', width: 10 },
  { header: '提供岗位', width: 10 },
  { header: '到场人数', width: 10 },
  { header: '录用人数', width: 10 },
];

const FUNNEL_COLUMNS: SheetColumn[] = [
  { header: '分组', width: 36 },
  { header: '扫码次数', width: 10 },
  { header: '扫码人数', width: 10 },
  { header: '报名次数', width: 10 },
  { header: '报名人数', width: 10 },
  { header: '发出合同', width: 10 },
  { header: '生效合同', width: 10 },
  { header: '签约人数', width: 10 },
];

function periodOf(year?: string, from?: string, to?: string): { year: number | null; from?: string; to?: string } {
  if (year !== undefined && !/^\d{4}$/.test(year)) throw badInput('year 应为 4 位年份', { field: 'year' });
  return { year: year === undefined ? null : Number(year), from, to };
}
