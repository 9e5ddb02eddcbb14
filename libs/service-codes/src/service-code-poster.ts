import { Injectable } from '@nestjs/common';

import { type PdfBlock, PdfRenderer } from '@jobcode/documents';
import { RegionLevel, regionAncestorAt } from '@jobcode/common';
import { RegionsService } from '@jobcode/regions';

import type { ServiceCode } from './service-code.entity';
import { ServiceCodeTargets } from './service-code-targets';
import { ServiceCodesService } from './service-codes.service';
import { invalidCode } from './service-codes.exception';

/**
 * A printable A4 poster for a public target's code: the name, where and when, short
 * instructions in Chinese, a large vector QR code (sharp at any print size) and the
 * issuing office. Drawn from the same live content as the scan page.
 */
@Injectable()
export class ServiceCodePoster {
  constructor(
    private readonly codes: ServiceCodesService,
    private readonly targets: ServiceCodeTargets,
    private readonly regions: RegionsService,
    private readonly pdf: PdfRenderer,
  ) {}

  async render(code: ServiceCode): Promise<Buffer> {
    const { title, subtitle, blocks } = await this.posterOf(code);
    const office = await this.officeOf(code.regionCode);
    return this.pdf.render({
      title,
      subtitle,
      author: office,
      subject: '就业服务码',
      footer: `${office} · 就业服务码${code.label ? ` · ${code.label}` : ''}`,
      blocks,
    });
  }

  /**
   * Many posters in one PDF, one per page (a township's stations, printed together): each page
   * starts with its target's name and where the code is posted.
   */
  async renderMany(codes: ServiceCode[], title: string, regionCode: string): Promise<Buffer> {
    const pages: PdfBlock[][] = [];
    for (const code of codes) {
      const poster = await this.posterOf(code);
      pages.push([
        { kind: 'heading', text: poster.title },
        ...(poster.subtitle || code.label
          ? [
              {
                kind: 'paragraph' as const,
                text: [poster.subtitle, code.label && `张贴位置：${code.label}`].filter(Boolean).join(' · '),
                align: 'center' as const,
              },
            ]
          : []),
        ...poster.blocks,
      ]);
    }
    const office = await this.officeOf(regionCode);
    return this.pdf.render({
      title,
      subtitle: `共 ${codes.length} 张海报，每页一张`,
      author: office,
      subject: '就业服务码',
      footer: `${office} · 就业服务码`,
      blocks: pages.flatMap((blocks, index) => (index === 0 ? blocks : [{ kind: 'pageBreak' as const }, ...blocks])),
    });
  }

  private async posterOf(code: ServiceCode): Promise<{ title: string; subtitle?: string; blocks: PdfBlock[] }> {
    const adapter = this.targets.of(code.targetKind);
    if (!adapter.isPublic) throw invalidCode();
    const page = adapter.page(await adapter.scan(code.targetId, {}), code.token);
    const { url } = await this.codes.toObject(code, page.title);
    return {
      title: page.title,
      subtitle: page.subtitle,
      blocks: [
        { kind: 'paragraph', text: '扫码查看岗位、在线报名', align: 'center', size: 22 },
        { kind: 'qr', text: url, size: 300, caption: '请用微信或手机相机扫描' },
        { kind: 'spacer', height: 12 },
        ...(page.facts.length ? [{ kind: 'table' as const, rows: page.facts.map(([label, value]) => ({ label, value })) }] : []),
        { kind: 'paragraph', text: '码上的岗位随时更新：招满或停招的岗位会自动下架。如有疑问，请到村、乡镇就业服务窗口咨询。', size: 11 },
      ],
    };
  }

  private async officeOf(regionCode: string | null): Promise<string> {
    const county = regionCode ? regionAncestorAt(regionCode, RegionLevel.COUNTY) : undefined;
    return county ? `${await this.regions.nameOf(county)}人力资源和社会保障局` : '县人力资源和社会保障局';
  }
}
