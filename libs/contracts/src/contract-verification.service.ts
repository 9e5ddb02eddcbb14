import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { sha256Hex } from './canonical';
import { chainIsValid } from './contract-chain';
import { type ContractContent } from './contract-document';
import { ContractEvent, ContractEventKind } from './contract-event.entity';
import { contentOf } from './contract-ledger';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { ContractFileCheckResult, MatchedDigest } from './contract.object';
import { contractNotFound, ContractsException, ContractsExceptionCode } from './contracts.exception';
import { type ContractSignerKind, type SealRecord } from './signers';

export interface ContractVerification {
  contractId: string;
  status: ContractStatus;
  employerName: string;
  seekerMaskedName: string;
  jobTitle: string;
  startDate: string;
  endDate: string | null;
  seekerSignedAt: Date | null;
  activatedAt: Date | null;
  contentDigest: string;
  pdfDigest: string;
  sealedPdfDigest: string | null;
  sealedBy: ContractSignerKind | null;
  signingCertificateSubject: string | null;
  signingCertificateSha256: string | null;
  contentValid: boolean;
  chainValid: boolean;
  sealValid: boolean;
  valid: boolean;
}

/**
 * Verifying a contract (合同核验), for anyone holding its code or a file: what a scan shows,
 * whether the stored content, the sealed PDF and the event chain are intact, and whether a
 * pasted digest or an uploaded PDF is the sealed original.
 */
@Injectable()
export class ContractVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly serviceCodes: ServiceCodesService,
  ) {}

  /** The scan address of each contract's active verification code. */
  async verificationUrlsOf(contractIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { target_id: string; token: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (target_id) target_id, token FROM service_code
        WHERE target_kind = 'CONTRACT' AND target_id = ANY($1::uuid[]) AND revoked_at IS NULL AND replaced_by_id IS NULL
          AND (expires_at IS NULL OR expires_at > now())
        ORDER BY target_id, issued_at DESC`,
      [contractIds],
    );
    return new Map(rows.map((r) => [r.target_id, this.serviceCodes.scanUrl(r.token)]));
  }

  /**
   * What a scan of the contract's code shows, to anyone: status, masked parties, dates,
   * digests, and whether the stored content, the sealed PDF and the event chain are intact.
   */
  async verificationView(contractId: string): Promise<ContractVerification> {
    const [row] = (await this.dataSource.query(`SELECT sealed_pdf FROM contract WHERE id = $1`, [contractId])) as { sealed_pdf: Buffer | null }[];
    const contract = row ? await this.dataSource.manager.findOne(Contract, { where: { id: contractId } }) : null;
    if (!contract) throw contractNotFound();
    const events = await this.dataSource.manager.find(ContractEvent, { where: { contractId }, order: { seq: 'ASC' } });
    let content: ContractContent | null = null;
    try {
      content = contentOf(contract);
    } catch {
      content = null;
    }
    const contentValid = content !== null && sha256Hex(contract.content) === contract.contentDigest && content.contractId === contract.id;
    const chainValid = chainIsValid(events, contract.chainHead, contract.eventCount);
    const sealed = contract.status === ContractStatus.ACTIVE || contract.status === ContractStatus.ENDED;
    const sealValid = sealed
      ? row.sealed_pdf !== null && sha256Hex(row.sealed_pdf) === contract.sealedPdfDigest && this.sealEventMatches(events, contract.sealedPdfDigest)
      : true;
    const seal = (events.find((e) => e.kind === ContractEventKind.SEALED)?.data ?? null) as Partial<SealRecord> | null;
    return {
      contractId: contract.id,
      status: contract.status,
      employerName: content?.parties.employer.name ?? '',
      seekerMaskedName: content?.parties.seeker.maskedName ?? '',
      jobTitle: content?.job.title ?? '',
      startDate: contract.startDate,
      endDate: contract.endedOn ?? contract.endDate,
      seekerSignedAt: contract.seekerSignedAt,
      activatedAt: contract.activatedAt,
      contentDigest: contract.contentDigest,
      pdfDigest: contract.pdfDigest,
      sealedPdfDigest: contract.sealedPdfDigest,
      sealedBy: seal?.signer ?? null,
      signingCertificateSubject: seal?.certificateSubject ?? null,
      signingCertificateSha256: seal?.certificateSha256 ?? null,
      contentValid,
      chainValid,
      sealValid,
      valid: contentValid && chainValid && sealValid,
    };
  }

  /** The sealed digest must also be the one the chain recorded at sealing time. */
  private sealEventMatches(events: readonly ContractEvent[], digest: string | null): boolean {
    const sealedEvent = events.find((e) => e.kind === ContractEventKind.SEALED);
    return sealedEvent !== undefined && (sealedEvent.data as { sealedPdfDigest?: string }).sealedPdfDigest === digest;
  }

  /** Checks a pasted digest (of the content, the PDF as offered, or the sealed PDF) against the contract. */
  async checkDigest(
    target: { contractId?: string; token?: string },
    digest: string,
  ): Promise<{ result: ContractFileCheckResult; message: string; matches: boolean; matched: MatchedDigest | null; verification: ContractVerification }> {
    const contractId = await this.contractIdOf(target);
    const verification = await this.verificationView(contractId);
    const wanted = digest.toLowerCase();
    const matched =
      wanted === verification.sealedPdfDigest
        ? MatchedDigest.SEALED_PDF
        : wanted === verification.contentDigest
          ? MatchedDigest.CONTENT
          : wanted === verification.pdfDigest
            ? MatchedDigest.PDF
            : null;
    const result =
      matched === null
        ? ContractFileCheckResult.MISMATCH
        : !verification.valid
          ? ContractFileCheckResult.RECORD_DAMAGED
          : matched === MatchedDigest.SEALED_PDF
            ? ContractFileCheckResult.SEALED_ORIGINAL
            : ContractFileCheckResult.MATCHES_UNSEALED;
    // The verdict on *this file* first, in words; the stored record's own state is beside it.
    return { result, message: FILE_CHECK_MESSAGES[result](matched), matches: matched !== null && verification.valid, matched, verification };
  }

  private async contractIdOf(target: { contractId?: string; token?: string }): Promise<string> {
    if (target.contractId) return target.contractId;
    if (!target.token)
      throw new ContractsException(ContractsExceptionCode.CONTRACT_NOT_FOUND, '请提供合同编号（contractId）或扫码所得的 token', { field: 'input.contractId' });
    const resolved = await this.serviceCodes.resolve(target.token);
    if (resolved.code.targetKind !== ServiceCodeTargetKind.CONTRACT) throw contractNotFound();
    return resolved.code.targetId;
  }
}

const FILE_CHECK_MESSAGES: Record<ContractFileCheckResult, (matched: MatchedDigest | null) => string> = {
  SEALED_ORIGINAL: () => '核验通过：这份文件就是平台封存的合同，内容未被改动。',
  MATCHES_UNSEALED: (matched) =>
    matched === MatchedDigest.CONTENT
      ? '这是合同内容的摘要，与平台记录一致；它不是封存后的合同文件，核验文件请上传平台下载的 PDF。'
      : '这份文件与签署前的合同正文一致，但不是封存后的合同文件；请以平台下载的封存版为准。',
  MISMATCH: () => '核验不通过：这份文件与平台封存的合同不一致，可能被改动过，或不是这份合同。请以平台上下载的合同为准。',
  RECORD_DAMAGED: () => '这份文件与记录一致，但平台上的合同记录核验未通过，请勿以此为据，并联系当地人社部门。',
};
