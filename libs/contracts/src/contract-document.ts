import { COUNTY_TIME_ZONE } from '@jobcode/common';
import { type PdfBlock, type PdfDocument } from '@jobcode/documents';
import { WageUnit } from '@jobcode/jobs';

import { type ContractEvent, ContractEventKind } from './contract-event.entity';
import { type ContractTerms } from './contract-terms';
import { TERM_KIND_WORD } from './contract.enums';

/** The version of the wording below; it is part of the signed content. Change it when the wording changes. */
export const CONTRACT_TEMPLATE_VERSION = 'labour-2026.2';

/**
 * What a contract says: the canonical content that is hashed and signed. Since
 * labour-2026.2 it identifies both parties (Labour Contract Law art. 17): the employer in
 * the clear (name, credit code, address, legal representative: public facts of a legal
 * person), the worker by `identityDigest`, the SHA-256 of their name, ID number and address
 * with a random salt, kept encrypted beside the contract (`SeekerIdentity`): the parties'
 * copies print them in full, while the content and the public digests reveal nothing.
 */
export interface ContractContent {
  contractId: string;
  templateVersion: string;
  job: { id: string; title: string };
  parties: {
    employer: { id: string | null; name: string; creditCode?: string | null; address?: string | null; legalRepresentative?: string | null };
    seeker: { id: string; maskedName: string; identityDigest?: string };
  };
  terms: ContractTerms;
}

/** The worker as the parties' copies name them; stored only encrypted. */
export interface SeekerIdentity {
  salt: string;
  name: string;
  idNumber: string;
  address: string;
}

const UNIT_WORD: Record<WageUnit, string> = { MONTH: '元/月', DAY: '元/天', HOUR: '元/小时', PIECE: '元/件' };

const EVENT_WORD: Record<ContractEventKind, string> = {
  OFFERED: '用人单位拟定合同',
  SENT: '发送给求职者',
  SIGNING_CODE_SENT: '向求职者手机发送签署验证码',
  SIGNED_BY_SEEKER: '求职者签署',
  COUNTERSIGNED: '用人单位签署',
  SEALED: '合同生效并封存',
  DECLINED: '求职者拒签',
  CANCELLED: '合同撤销',
  ENDED: '合同终止',
};

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: COUNTY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function chinaTime(date: Date): string {
  return CHINA_TIME.format(date);
}

function partyRows(content: ContractContent, identity: SeekerIdentity | null): { label: string; value: string }[] {
  const employer = content.parties.employer;
  const rows = [{ label: '甲方（用人单位）', value: employer.name }];
  if (employer.creditCode) rows.push({ label: '统一社会信用代码', value: employer.creditCode });
  if (employer.address) rows.push({ label: '甲方住所', value: employer.address });
  if (employer.legalRepresentative) rows.push({ label: '法定代表人（主要负责人）', value: employer.legalRepresentative });
  rows.push({ label: '乙方（劳动者）', value: identity?.name ?? content.parties.seeker.maskedName });
  if (identity) {
    rows.push({ label: '乙方居民身份证号码', value: identity.idNumber });
    rows.push({ label: '乙方住址（户籍所在地）', value: identity.address });
  }
  return rows;
}

function termRows(content: ContractContent, identity: SeekerIdentity | null): { label: string; value: string }[] {
  const t = content.terms;
  const term =
    t.termKind === 'FIXED'
      ? `${TERM_KIND_WORD[t.termKind]}：${t.startDate} 至 ${t.endDate}`
      : t.termKind === 'PER_TASK'
        ? `${TERM_KIND_WORD[t.termKind]}：${t.task}，自 ${t.startDate} 起`
        : `${TERM_KIND_WORD[t.termKind]}，自 ${t.startDate} 起`;
  return [
    ...partyRows(content, identity),
    { label: '岗位', value: content.job.title },
    { label: '合同期限', value: term },
    { label: '试用期', value: t.probationMonths === 0 ? '不约定试用期' : `${t.probationMonths} 个月（包含在合同期限内）` },
    { label: '工作地点', value: t.workplace },
    { label: '工作内容', value: t.duties },
    { label: '工作时间', value: t.workingHours },
    { label: '劳动报酬', value: `${t.wage} ${UNIT_WORD[t.wageUnit]}，按时足额以货币形式支付，不低于当地最低工资标准` },
    { label: '社会保险', value: t.socialInsurance ? '甲方依法为乙方缴纳社会保险' : '未约定（按国家规定办理）' },
  ];
}

/**
 * The contract as a PDF document (the parties' copy: `identity` prints the worker in full):
 * the same content, identity and creation time always give the same bytes.
 */
export function contractDocument(content: ContractContent, contentDigest: string, createdAt: Date, identity: SeekerIdentity | null): PdfDocument {
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: `合同编号：${content.contractId}`, size: 9, align: 'left' },
    { kind: 'heading', text: '一、合同主要条款' },
    { kind: 'table', rows: termRows(content, identity) },
    { kind: 'heading', text: '二、双方约定' },
    {
      kind: 'paragraph',
      indent: true,
      text: '甲乙双方根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》等法律法规，遵循合法、公平、平等自愿、协商一致、诚实信用的原则订立本合同。甲方应当提供劳动安全卫生条件，按约定支付劳动报酬；乙方应当完成约定的工作内容，遵守甲方依法制定的规章制度。本合同未尽事宜，按国家和地方有关规定执行。',
    },
    {
      kind: 'paragraph',
      indent: true,
      text: '本合同以数据电文形式订立，双方通过就业服务码平台在线签署。乙方签署前经姓名、身份证号后六位及手机验证码核验身份，并确认了合同条款。乙方可随时在平台免费查看、下载、打印本合同。',
    },
    { kind: 'heading', text: '三、内容摘要' },
    { kind: 'paragraph', text: `合同内容 SHA-256：${contentDigest}`, size: 9, align: 'left' },
    ...(content.parties.seeker.identityDigest
      ? [{ kind: 'paragraph' as const, text: `乙方身份信息摘要（加盐 SHA-256）：${content.parties.seeker.identityDigest}`, size: 9, align: 'left' as const }]
      : []),
  ];
  return {
    title: '劳动合同',
    subtitle: `模板版本 ${content.templateVersion}`,
    blocks,
    footer: `就业服务码平台 · 在线签约 · ${content.contractId.slice(0, 8)}`,
    subject: `劳动合同 ${content.contractId}`,
    createdAt,
  };
}

export interface AuditFacts {
  events: readonly ContractEvent[];
  contentDigest: string;
  pdfDigest: string;
  chainHead: string;
  /** The contract's verification code (its scan address), printed as a QR beside the instruction to scan it. */
  verificationUrl: string;
}

/** The contract plus its audit page (审计页): every event with its time and hash, the digests, and the QR of its verification code. */
export function sealedContractDocument(
  content: ContractContent,
  createdAt: Date,
  sealedAt: Date,
  audit: AuditFacts,
  identity: SeekerIdentity | null,
): PdfDocument {
  const base = contractDocument(content, audit.contentDigest, createdAt, identity);
  const eventRows = audit.events.map((event) => ({
    label: `${event.seq}. ${EVENT_WORD[event.kind]}`,
    value: `${chinaTime(event.occurredAt)}（北京时间）\n${describe(event)}事件哈希：${event.hash}`,
  }));
  return {
    ...base,
    createdAt: sealedAt,
    blocks: [
      ...base.blocks,
      { kind: 'pageBreak' },
      { kind: 'heading', text: '签署审计页' },
      {
        kind: 'paragraph',
        indent: true,
        text: '以下记录由平台自动生成。每条记录的哈希值包含上一条记录的哈希值，任何一条被改动或删除都能被发现。扫描下方合同的就业服务码，或上传本文件，即可核验其是否为平台封存的原件。',
      },
      { kind: 'qr', text: audit.verificationUrl, size: 110, caption: `扫码核验本合同：${audit.verificationUrl}` },
      { kind: 'table', rows: eventRows },
      {
        kind: 'table',
        rows: [
          { label: '合同内容 SHA-256', value: audit.contentDigest },
          { label: '合同正文 PDF SHA-256', value: audit.pdfDigest },
          { label: '事件链末端哈希', value: audit.chainHead },
          { label: '封存时间', value: `${chinaTime(sealedAt)}（北京时间）` },
        ],
      },
    ],
  };
}

function describe(event: ContractEvent): string {
  const data = event.data as { identityCheck?: string; digest?: string };
  const parts: string[] = [];
  if (data.identityCheck) parts.push(`身份核验：${data.identityCheck === 'NAME+ID_LAST6+SMS_OTP' ? '姓名＋身份证号后六位＋手机验证码' : '用人单位账号登录'}`);
  if (data.digest) parts.push(`签署内容摘要：${data.digest}`);
  return parts.length ? `${parts.join('\n')}\n` : '';
}
