import QRCode from 'qrcode';

import { PdfRenderer } from '../pdf-renderer';
import { pdfPages } from '../../../../test/support/pdf-text';

const compact = (text: string) => text.replace(/\s+/g, '');

describe('PdfRenderer', () => {
  const renderer = new PdfRenderer();

  it('renders Chinese title, paragraphs, key–value table and footer on A4, readable back as text', async () => {
    const pdf = await renderer.render({
      title: '资源县就业服务码',
      subtitle: '梅溪镇零工驿站',
      footer: '资源县人力资源和社会保障局',
      blocks: [
        { kind: 'heading', text: '岗位信息' },
        { kind: 'paragraph', text: '扫一扫下方二维码，即可查看本驿站发布的全部岗位，并在线报名、签约。', indent: true },
        {
          kind: 'table',
          rows: [
            { label: '岗位', value: '缝纫工（计件）' },
            { label: '工资', value: '每月 3000–4500 元，包吃住' },
            { label: '地址', value: '广西桂林市资源县梅溪镇梅溪村' },
          ],
        },
        { kind: 'qr', text: 'https://jobs.example.gov.cn/c/AbCdEf123', caption: '微信扫码查岗' },
      ],
    });

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { total, pages } = pdfPages(pdf);
    expect(total).toBe(1);
    const text = compact(pages[0]);
    for (const expected of [
      '资源县就业服务码',
      '梅溪镇零工驿站',
      '岗位信息',
      '扫一扫下方二维码，即可查看本驿站发布的全部岗位',
      '缝纫工（计件）',
      '每月3000–4500元，包吃住',
      '微信扫码查岗',
      '资源县人力资源和社会保障局',
      '第1页/共1页',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds only a subset of the CJK font, so a page weighs kilobytes rather than the 10 MB font', async () => {
    const pdf = await renderer.render({ title: '就业帮扶车间认定书', blocks: [{ kind: 'paragraph', text: '经审核，该车间符合就业帮扶车间认定条件。' }] });
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain('/FontFile2');
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('flows long content onto further pages and numbers every page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ label: `第 ${i + 1} 户`, value: `资源县瓜里乡金江村 · 务工人员 ${i + 1} · 县内务工` }));
    const pdf = await renderer.render({
      title: '务工人员台账',
      footer: '瓜里乡人民政府',
      blocks: [{ kind: 'table', rows }, { kind: 'pageBreak' }, { kind: 'paragraph', text: '以上为全部记录。' }],
    });
    const { total, pages } = pdfPages(pdf);
    expect(total).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(compact(page)).toContain(`第${i + 1}页/共${total}页`));
    expect(compact(pages.join(''))).toContain('第60户');
    expect(compact(pages[total - 1])).toContain('以上为全部记录。');
  });

  it('places PNG images and SVG drawings', async () => {
    const png = await QRCode.toBuffer('https://jobs.example.gov.cn/c/PNG', { type: 'png', width: 240 });
    const svg = await QRCode.toString('https://jobs.example.gov.cn/c/SVG', { type: 'svg' });
    const pdf = await renderer.render({
      title: '二维码海报',
      blocks: [
        { kind: 'image', data: png, width: 150, caption: 'PNG 二维码' },
        { kind: 'svg', svg, width: 150, height: 150, caption: 'SVG 二维码' },
      ],
    });
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const text = compact(pdfPages(pdf).pages.join(''));
    expect(text).toContain('PNG二维码');
    expect(text).toContain('SVG二维码');
  });

  it('renders the same bytes for the same document and creation time, so a digest of the PDF can be checked again', async () => {
    const contract = {
      title: '劳动合同',
      createdAt: new Date('2026-11-22T08:00:00Z'),
      blocks: [
        {
          kind: 'table' as const,
          rows: [
            { label: '甲方', value: '资源县梅溪镇扶贫车间' },
            { label: '乙方', value: '李梅' },
          ],
        },
      ],
    };
    const [first, second] = [await renderer.render(contract), await renderer.render(contract)];
    expect(first.equals(second)).toBe(true);
    const changed = await renderer.render({
      ...contract,
      blocks: [
        {
          kind: 'table',
          rows: [
            { label: '甲方', value: '资源县梅溪镇扶贫车间' },
            { label: '乙方', value: '李梅梅' },
          ],
        },
      ],
    });
    expect(changed.equals(first)).toBe(false);
  });

  it('refuses an image that is neither PNG nor JPEG, naming the block', async () => {
    await expect(
      renderer.render({
        title: '海报',
        blocks: [
          { kind: 'heading', text: '标题' },
          { kind: 'image', data: Buffer.from('GIF89a not really') },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: '第 2 块的图片无法识别：只能使用 PNG 或 JPEG 图片',
      field: 'blocks.1.data',
    });
  });
});
