/**
 * npm run bench:contract-seal — sealing a contract on countersign: render the contract with its
 * audit page and seal it with the default DigestAndChainSigner (the baseline: rendering only),
 * then the same with PadesSigner (a throwaway 2048-bit RSA .p12). Rounds alternate A/B so both
 * see the same machine load; the ratio is the figure to read.
 */
import 'reflect-metadata';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CONTRACT_TEMPLATE_VERSION,
  type ContractContent,
  type ContractEvent,
  ContractEventKind,
  DigestAndChainSigner,
  eventHash,
  GENESIS_HASH,
  PadesSigner,
  sealedContractDocument,
} from '@jobcode/contracts';
import { PdfRenderer } from '@jobcode/documents';

import { throwawayP12 } from '../libs/contracts/src/__tests__/pdf-signature';
import { benchResult, fmt, percentile, timed } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const content: ContractContent = {
  contractId: '6f1d2c3b-0000-4000-8000-000000000001',
  templateVersion: CONTRACT_TEMPLATE_VERSION,
  job: { id: '6f1d2c3b-0000-4000-8000-000000000002', title: '番茄采摘工' },
  parties: { employer: { id: null, name: '金江番茄种植专业合作社' }, seeker: { id: '6f1d2c3b-0000-4000-8000-000000000003', maskedName: '李*英' } },
  terms: {
    wage: 2800,
    wageUnit: 'MONTH',
    startDate: '2026-12-01',
    termKind: 'FIXED',
    endDate: '2028-11-30',
    task: null,
    workplace: '资源县瓜里乡金江村番茄基地',
    workplaceRegionCode: '450329103201',
    workingHours: '每天 8 小时，每周 5 天',
    duties: '番茄采摘、分拣、装箱',
    probationMonths: 2,
    socialInsurance: true,
  } as ContractContent['terms'],
};

function events(): ContractEvent[] {
  const kinds = [
    ContractEventKind.OFFERED,
    ContractEventKind.SENT,
    ContractEventKind.SIGNING_CODE_SENT,
    ContractEventKind.SIGNED_BY_SEEKER,
    ContractEventKind.COUNTERSIGNED,
  ];
  let prev = GENESIS_HASH;
  return kinds.map((kind, i) => {
    const event = {
      contractId: content.contractId,
      seq: i + 1,
      kind,
      actorAccountId: null,
      data: { digest: 'a'.repeat(64) },
      occurredAt: new Date(Date.UTC(2026, 10, 20, 8, i)),
    };
    const hash = eventHash(prev, event);
    const row = { id: String(i), ...event, prevHash: prev, hash } as ContractEvent;
    prev = hash;
    return row;
  });
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'jobcode-bench-p12-'));
  try {
    const file = join(folder, 'bench.p12');
    writeFileSync(file, throwawayP12('bench').p12);
    const [pades, openMs] = await timed(() => PadesSigner.open(file, 'bench'));
    const digest = new DigestAndChainSigner();
    const renderer = new PdfRenderer();
    const audit = events();
    const document = sealedContractDocument(
      content,
      new Date(Date.UTC(2026, 10, 20)),
      new Date(Date.UTC(2026, 10, 20, 9)),
      {
        events: audit,
        contentDigest: 'b'.repeat(64),
        pdfDigest: 'c'.repeat(64),
        chainHead: audit[audit.length - 1].hash,
        verificationUrl: 'https://jobcode.example.cn/c/bench0000000000000000',
      },
      null,
    );
    await renderer.render(document); // reads the font files once
    const base: number[] = [];
    const signed: number[] = [];
    const signOnly: number[] = [];
    let sizes = { base: 0, signed: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const [a, aMs] = await timed(async () => (await digest.seal(await renderer.render(document))).pdf);
      base.push(aMs);
      const rendered = await renderer.render(document);
      const [b, bMs] = await timed(() => pades.seal(rendered, { contractId: content.contractId, sealedAt: new Date() }));
      signOnly.push(bMs);
      const [, cMs] = await timed(
        async () => (await pades.seal(await renderer.render(document), { contractId: content.contractId, sealedAt: new Date() })).pdf,
      );
      signed.push(cMs);
      sizes = { base: a.length, signed: b.pdf.length };
    }
    const p50 = { base: percentile(base, 50), signed: percentile(signed, 50), signOnly: percentile(signOnly, 50) };
    console.log(`contract seal, ${ROUNDS} rounds each, interleaved (PadesSigner.open with its trial signature: ${fmt(openMs)})`);
    console.log(`baseline: render + DigestAndChainSigner  p50 ${fmt(p50.base)}, p95 ${fmt(percentile(base, 95))}, ${sizes.base} bytes`);
    console.log(`render + PadesSigner                     p50 ${fmt(p50.signed)}, p95 ${fmt(percentile(signed, 95))}, ${sizes.signed} bytes`);
    console.log(`PadesSigner.seal alone                   p50 ${fmt(p50.signOnly)}, p95 ${fmt(percentile(signOnly, 95))}`);
    console.log(`ratio (render + PAdES) / baseline: ${(p50.signed / p50.base).toFixed(2)}x`);
    benchResult({
      bench: 'contract-seal',
      size: `${ROUNDS} rounds`,
      figure: `render + PAdES seal p50 ${fmt(p50.signed)}`,
      baseline: `render + digest chain p50 ${fmt(p50.base)}`,
      ratio: `${(p50.signed / p50.base).toFixed(2)}× the time`,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
