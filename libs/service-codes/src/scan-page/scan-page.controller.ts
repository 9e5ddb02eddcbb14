import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';

import { Allow, AppError, ErrorCode, PUBLIC, ReqContext, type RequestContext } from '@jobcode/common';

import { ScanService } from '../scan.service';
import { ReplacedServiceCode } from '../service-code.object';
import { ServiceCodeImages } from '../service-code-images.service';
import { ServiceCodePoster } from '../service-code-poster';
import { ServiceCodeTargets } from '../service-code-targets';
import { ServiceCodesService } from '../service-codes.service';
import { renderScanPage } from './render-scan-page';
import type { ScanPage } from './scan-page.model';

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string): Reply;
  type(contentType: string): Reply;
  send(body: unknown): void;
}

const STATUS: Partial<Record<ErrorCode, number>> = { NOT_FOUND: 404, RATE_LIMITED: 429, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * What a phone camera opens: `GET /c/<token>` is a small Chinese page that works without
 * JavaScript in WeChat's browser; `/c/<token>/qr.svg|png` are the code's images.
 */
@Controller('c')
export class ScanPageController {
  constructor(
    private readonly scans: ScanService,
    private readonly codes: ServiceCodesService,
    private readonly targets: ServiceCodeTargets,
    private readonly images: ServiceCodeImages,
    private readonly poster: ServiceCodePoster,
  ) {}

  @Allow(PUBLIC)
  @Get(':token')
  async page(@Param('token') token: string, @ReqContext() context: RequestContext, @Res() reply: Reply): Promise<void> {
    let page: ScanPage;
    let status = 200;
    try {
      const outcome = await this.scans.scan(token, context, 'PAGE');
      if (outcome.view instanceof ReplacedServiceCode) {
        page = {
          title: '此码已更换',
          facts: outcome.view.targetTitle ? [['原对象', outcome.view.targetTitle]] : [],
          sections: [],
          notice: outcome.view.message,
        };
      } else {
        page = this.targets.of(outcome.targetKind).page(outcome.view);
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      status = STATUS[error.code] ?? 400;
      page = { title: status === 429 ? '请稍后再试' : '无法打开此码', facts: [], sections: [], notice: error.message };
    }
    reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(renderScanPage(page));
  }

  @Allow(PUBLIC)
  @Get(':token/qr.svg')
  @Header('Cache-Control', 'public, max-age=86400')
  async svg(@Param('token') token: string, @Res() reply: Reply): Promise<void> {
    const code = await this.codes.requireActive(token);
    const { url } = await this.codes.toObject(code, '');
    reply.type('image/svg+xml').send(await this.images.svg(url));
  }

  @Allow(PUBLIC)
  @Get(':token/qr.png')
  @Header('Cache-Control', 'public, max-age=86400')
  async png(@Param('token') token: string, @Query('size') size: string | undefined, @Res() reply: Reply): Promise<void> {
    const code = await this.codes.requireActive(token);
    const { url } = await this.codes.toObject(code, '');
    const pixels = Number(size ?? 512);
    reply.type('image/png').send(await this.images.png(url, Number.isFinite(pixels) && pixels > 0 ? pixels : 512));
  }

  @Allow(PUBLIC)
  @Get(':token/poster.pdf')
  async posterPdf(@Param('token') token: string, @Res() reply: Reply): Promise<void> {
    const code = await this.codes.requireActive(token);
    const pdf = await this.poster.render(code);
    reply
      .header('Content-Disposition', `inline; filename="poster.pdf"; filename*=UTF-8''${encodeURIComponent('就业服务码海报.pdf')}`)
      .header('Cache-Control', 'no-store')
      .type('application/pdf')
      .send(pdf);
  }
}
