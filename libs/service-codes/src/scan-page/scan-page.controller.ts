import { createHash } from 'node:crypto';

import { Controller, Get, Header, Headers, Param, Query, Res } from '@nestjs/common';

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

/** Changes when the page's HTML changes, so a deploy does not revalidate old pages as current. */
const PAGE_FORMAT = 'scan-page-3';

/** A weak validator of the anonymous page of a code at a target version (opaque: the version is not shown). */
function etagOf(codeId: string, version: string): string {
  return `W/"${createHash('sha256').update(`${PAGE_FORMAT}\n${codeId}\n${version}`).digest('base64url').slice(0, 22)}"`;
}

/** Codes whose rendered page is kept. */
const PAGES = 2_000;

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

  /** Pages of anonymous scans per code, valid while the target version they were rendered for is current. */
  private readonly pages = new Map<string, { version: string; html: string }>();

  @Allow(PUBLIC)
  @Get(':token')
  async page(
    @Param('token') token: string,
    @ReqContext() context: RequestContext,
    @Res() reply: Reply,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<void> {
    let page: ScanPage;
    let status = 200;
    let cacheUnder: { codeId: string; version: string } | undefined;
    try {
      // An anonymous visitor of a station, workshop, fair or job gets the page rendered for the
      // target version read with the token (see ScanResponseCache for GraphQL): no adapter, no render.
      const resolved = await this.scans.open(token, context, 'PAGE');
      if (!context.actor && resolved.kind === 'active' && resolved.targetVersion) {
        cacheUnder = { codeId: resolved.code.id, version: resolved.targetVersion };
        // The scan is recorded (open) before this: a browser revalidating still counts as a scan.
        const etag = etagOf(cacheUnder.codeId, cacheUnder.version);
        if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(etag)) return this.notModified(reply, etag);
        const cached = this.pages.get(cacheUnder.codeId);
        if (cached?.version === cacheUnder.version) return this.send(reply, 200, cached.html, etag);
      }
      const outcome = await this.scans.scan(token, context, 'PAGE');
      if (outcome.view instanceof ReplacedServiceCode) {
        page = {
          title: '此码已更换',
          facts: outcome.view.targetTitle ? [['原对象', outcome.view.targetTitle]] : [],
          sections: [],
          notice: outcome.view.message,
        };
      } else {
        page = this.targets.of(outcome.targetKind).page(outcome.view, token);
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      status = STATUS[error.code] ?? 400;
      page = { title: status === 429 ? '请稍后再试' : '无法打开此码', facts: [], sections: [], notice: error.message };
    }
    const html = renderScanPage(page);
    if (cacheUnder && status === 200) {
      this.pages.delete(cacheUnder.codeId);
      if (this.pages.size >= PAGES) this.pages.delete(this.pages.keys().next().value as string);
      this.pages.set(cacheUnder.codeId, { version: cacheUnder.version, html });
      return this.send(reply, status, html, etagOf(cacheUnder.codeId, cacheUnder.version));
    }
    this.send(reply, status, html);
  }

  /**
   * An anonymous visitor's page is the same for everyone while the target's version stands: the
   * browser may keep it and revalidate (ETag from that version) instead of fetching it whole.
   * Signed-in views and refusals are personal or passing: not stored.
   */
  private send(reply: Reply, status: number, html: string, etag?: string): void {
    if (etag) reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    else reply.header('Cache-Control', 'no-store');
    reply.status(status).type('text/html; charset=utf-8').send(html);
  }

  private notModified(reply: Reply, etag: string): void {
    reply.status(304).header('ETag', etag).header('Cache-Control', 'no-cache').send('');
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
