/**
 * npm run bench:documents — PdfRenderer on a service-code poster and a 300-row ledger, beside
 * the same poster laid out by PDFKit with its built-in Helvetica and ASCII text (no CJK font
 * to parse and subset): the baseline shows what the embedded Chinese font costs.
 */
import 'reflect-metadata';

import PDFDocument from 'pdfkit';

import { type PdfDocument, PdfRenderer } from '@jobcode/documents';

import { benchResult, fmt, percentile, timed } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const poster: PdfDocument = {
  title: '资源县就业服务码',
  subtitle: '梅溪镇零工驿站 · 扫码查岗',
  footer: '资源县人力资源和社会保障局',
  blocks: [
    { kind: 'qr', text: 'https://jobs.example.gov.cn/c/AbCdEf123', size: 200, caption: '微信扫一扫，查看本驿站全部岗位' },
    { kind: 'heading', text: '岗位信息' },
    { kind: 'paragraph', text: '本驿站长期招聘缝纫工、包装工、采茶工，日结或计件，就近务工，方便照顾家中老人和孩子。', indent: true },
    {
      kind: 'table',
      rows: [
        { label: '岗位', value: '缝纫工（计件）' },
        { label: '工资', value: '每月 3000–4500 元，包吃住' },
        { label: '地址', value: '资源县梅溪镇梅溪村' },
      ],
    },
  ],
};

async function helveticaPoster(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(20).text('Ziyuan County Employment Service Code', { align: 'center' });
  doc.font('Helvetica').fontSize(11).text('Meixi gig station - scan to look up jobs', { align: 'center' }).moveDown();
  doc.text('The station hires sewing, packing and tea-picking workers, paid daily or by the piece, near home.');
  for (const [k, v] of [
    ['Job', 'Sewing (piece rate)'],
    ['Wage', '3000-4500 yuan a month'],
    ['Address', 'Meixi village'],
  ])
    doc.text(`${k}: ${v}`);
  doc.end();
  return done;
}

async function sample(work: () => Promise<Buffer>): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const [pdf, ms] = await timed(work);
    times.push(ms);
    bytes = pdf.length;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function main(): Promise<void> {
  const renderer = new PdfRenderer();
  const [, firstMs] = await timed(() => renderer.render(poster));
  const cjk = await sample(() => renderer.render(poster));
  const base = await sample(helveticaPoster);
  const rows = Array.from({ length: 300 }, (_, i) => ({ label: `第 ${i + 1} 户`, value: `资源县瓜里乡金江村 · 务工人员 ${i + 1} · 县内务工` }));
  const ledger = await sample(() => renderer.render({ title: '务工人员台账', blocks: [{ kind: 'table', rows }] }));
  console.log(`PdfRenderer, ${ROUNDS} rounds each (first render, which reads the two 10 MB font files: ${fmt(firstMs)})`);
  console.log(`poster (CJK subset)      p50 ${fmt(cjk.p50)}, p95 ${fmt(cjk.p95)}, ${cjk.bytes} bytes`);
  console.log(`baseline (Helvetica)     p50 ${fmt(base.p50)}, p95 ${fmt(base.p95)}, ${base.bytes} bytes`);
  console.log(`ledger, 300 rows         p50 ${fmt(ledger.p50)}, p95 ${fmt(ledger.p95)}, ${ledger.bytes} bytes`);
  console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  benchResult({
    bench: 'documents',
    size: `${ROUNDS} rounds`,
    figure: `CJK poster p50 ${fmt(cjk.p50)}`,
    baseline: `Helvetica poster p50 ${fmt(base.p50)}`,
    ratio: `${(cjk.p50 / base.p50).toFixed(2)}× the time`,
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
