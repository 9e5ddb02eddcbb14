import { PassThrough } from 'node:stream';

import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

import { type Actor, Allow, badInput, CurrentActor, RateLimit, Role } from '@jobcode/common';
import { attachmentDisposition, XLSX_CONTENT_TYPE } from '@jobcode/spreadsheets';

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

  constructor(private readonly ledger: PlacementLedgerService) {}

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
    const body = new PassThrough();
    reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(fileName, 'placements.xlsx'))
      .header('cache-control', 'no-store');
    const done = this.ledger.export(actor, body, query).catch((error: unknown) => {
      this.logger.error(`Placement ledger export failed: ${(error as Error).stack ?? String(error)}`);
      body.destroy(error as Error);
    });
    await reply.send(body);
    await done;
  }
}
