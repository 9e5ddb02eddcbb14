import { Injectable } from '@nestjs/common';

import { PdfRenderer } from '@jobcode/documents';
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
    const adapter = this.targets.of(code.targetKind);
    if (!adapter.isPublic) throw invalidCode();
    const page = adapter.page(await adapter.scan(code.targetId, {}));
    const { url } = await this.codes.toObject(code, page.title);
    const county = code.regionCode ? regionAncestorAt(code.regionCode, RegionLevel.COUNTY) : undefined;
    const office = county ? `${await this.regions.nameOf(county)}人力资源和社会保障局` : '县人力资源和社会保障局';
    return this.pdf.render({
      title: page.title,
      subtitle: page.subtitle,
      author: office,
      subject: '就业服务码',
      footer: `${office} · 就业服务码${code.label ? ` · ${code.label}` : ''}`,
      blocks: [
        { kind: 'paragraph', text: '扫码查看岗位、在线报名', align: 'center', size: 22 },
        { kind: 'qr', text: url, size: 300, caption: '请用微信或手机相机扫描' },
        { kind: 'spacer', height: 12 },
        ...(page.facts.length ? [{ kind: 'table' as const, rows: page.facts.map(([label, value]) => ({ label, value })) }] : []),
        { kind: 'paragraph', text: '码上的岗位随时更新：招满或停招的岗位会自动下架。如有疑问，请到村、乡镇就业服务窗口咨询。', size: 11 },
      ],
    });
  }
}
