import { Controller, Get, Query, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { DataSource, IsNull } from 'typeorm';

import { type Actor, Allow, badInput, CurrentActor, notFound, parseRegionCode, RateLimit, Role } from '@jobcode/common';
import { RegionScope, RegionsService } from '@jobcode/regions';

import { ServiceCode } from './service-code.entity';
import { ServiceCodePoster } from './service-code-poster';
import { ServiceCodeTargetKind } from './service-code-target-kind';
import { ServiceCodeTargets } from './service-code-targets';

/** At most this many posters in one PDF (a township has a few dozen boards at most). */
export const MAX_POSTERS = 200;

/**
 * GET /service-codes/posters?region=<township code>&kind=GIG_STATION — the posters of every
 * active code of that kind in a region (a township's stations), one per page in one PDF, for
 * printing at once. Bearer auth; the region must be inside the caller's scope.
 */
@Controller('service-codes')
export class ServiceCodePostersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: RegionScope,
    private readonly regions: RegionsService,
    private readonly poster: ServiceCodePoster,
    private readonly targets: ServiceCodeTargets,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @RateLimit({ points: 30, windowSeconds: 3600 })
  @Get('posters')
  async posters(
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
    @Query('region') region?: string,
    @Query('kind') kind: string = ServiceCodeTargetKind.GIG_STATION,
  ): Promise<void> {
    if (!region) throw badInput('请选择乡镇（region 参数）', { field: 'region' });
    const regionCode = parseRegionCode(region, 'region');
    const targetKind = kind as ServiceCodeTargetKind;
    const batched = this.targets.all().filter((a) => a.batchPosterWords);
    const words = batched.find((a) => a.kind === targetKind)?.batchPosterWords;
    if (!words) throw badInput(`kind 只能是 ${batched.map((a) => `${a.kind}（${a.batchPosterWords}）`).join('或')}`, { field: 'kind' });
    await this.scope.assertCovers(actor, regionCode);
    const now = new Date();
    const codes = await this.dataSource.manager
      .createQueryBuilder(ServiceCode, 'c')
      .where('c.target_kind = :targetKind', { targetKind })
      .andWhere('c.region_code LIKE :prefix', { prefix: `${regionCode}%` })
      .andWhere({ revokedAt: IsNull(), replacedById: IsNull() })
      .andWhere('(c.expires_at IS NULL OR c.expires_at > :now)', { now })
      .orderBy('c.region_code')
      .addOrderBy('c.issued_at')
      .limit(MAX_POSTERS + 1)
      .getMany();
    const place = await this.regions.fullName(regionCode);
    if (!codes.length) throw notFound(`${place}还没有有效的${words}码：请先在“服务码与海报”里为${words}发码`);
    if (codes.length > MAX_POSTERS) throw badInput(`${place}的${words}码超过 ${MAX_POSTERS} 个，请按村分别打印`, { field: 'region' });
    const title = `${place}${words}就业服务码海报`;
    const pdf = await this.poster.renderMany(codes, title, regionCode);
    await reply
      .header('Content-Disposition', `attachment; filename="posters.pdf"; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`)
      .header('Cache-Control', 'no-store')
      .type('application/pdf')
      .send(pdf);
  }
}
