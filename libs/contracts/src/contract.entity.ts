import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { WageUnit } from '@jobcode/jobs';

import { ContractStatus, ContractTermKind } from './contract.enums';

/**
 * 劳动合同. `content` is the canonical JSON (sorted keys) of the terms, the parties (ids and
 * masked names) and the template version; `contentDigest` is its SHA-256 and is what each
 * party signs. Once ACTIVE, a database trigger refuses any change to the content, the
 * digests and the sealed PDF: a correction is a new contract.
 */
@Entity('contract')
@Index(['applicationId'])
@Index(['jobSeekerId', 'createdAt'])
@Index(['employerId', 'createdAt'])
@Index('contract_region_prefix', { synchronize: false })
@Index('contract_one_open_per_application', { synchronize: false })
@Check('contract_status_check', `"status" IN ('SENT', 'SIGNED_BY_SEEKER', 'ACTIVE', 'DECLINED', 'CANCELLED', 'ENDED')`)
@Check('contract_term_kind_check', `"term_kind" IN ('FIXED', 'OPEN_ENDED', 'PER_TASK')`)
@Check('contract_wage_unit_check', `"wage_unit" IN ('MONTH', 'DAY', 'HOUR', 'PIECE')`)
@Check('contract_end_date_check', `("term_kind" = 'FIXED') = ("end_date" IS NOT NULL)`)
@Check('contract_sealed_check', `"status" NOT IN ('ACTIVE', 'ENDED') OR ("sealed_pdf" IS NOT NULL AND "sealed_pdf_digest" IS NOT NULL)`)
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid' })
  jobId: string;

  @Column({ type: 'uuid' })
  jobSeekerId: string;

  /** Null for public-welfare posts, where the county bureau is the employing side. */
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  /** The job's region, for staff scope. */
  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 20 })
  status: ContractStatus;

  @Column({ type: 'varchar', length: 20 })
  templateVersion: string;

  /** Canonical JSON of terms + parties + template version: the signed content. */
  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'char', length: 64 })
  contentDigest: string;

  /** SHA-256 of the PDF rendered from the content (without the audit page): deterministic. */
  @Column({ type: 'char', length: 64 })
  pdfDigest: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  wage: number;

  @Column({ type: 'varchar', length: 10 })
  wageUnit: WageUnit;

  @Column({ type: 'varchar', length: 12 })
  termKind: ContractTermKind;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 12 })
  workplaceRegionCode: string;

  /** The worker's name, ID number and address as the parties' copies print them (`SeekerIdentity`, AES-256-GCM); null before labour-2026.2. */
  @Column({ type: 'text', nullable: true })
  seekerIdentityEncrypted: string | null;

  /** The final PDF with the audit page, stored once on ACTIVE. */
  @Column({ type: 'bytea', nullable: true, select: false })
  sealedPdf: Buffer | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sealedPdfDigest: string | null;

  /** The hash of the last contract event (the chain head). */
  @Column({ type: 'char', length: 64 })
  chainHead: string;

  @Column({ type: 'integer' })
  eventCount: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** Set in code (millisecond precision) because the PDF's metadata carries it. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  seekerSignedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  closingReason: string | null;
}
