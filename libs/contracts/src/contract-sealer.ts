import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { PdfRenderer } from '@jobcode/documents';
import { PersonalDataCipher } from '@jobcode/personal-data';
import { ServiceCodesService, ServiceCodeTargetKind } from '@jobcode/service-codes';

import { sha256Hex } from './canonical';
import { sealedContractDocument } from './contract-document';
import { ContractEvent, ContractEventKind } from './contract-event.entity';
import { appendContractEvent, contentOf, seekerIdentityOf } from './contract-ledger';
import { type Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import { CONTRACT_SIGNER, type ContractSigner } from './signers';

/**
 * The seal (封存): the final PDF with its audit page and verification QR, signed through the
 * CONTRACT_SIGNER port and stored with the digest of its final bytes.
 */
@Injectable()
export class ContractSealer {
  constructor(
    private readonly renderer: PdfRenderer,
    @Inject(CONTRACT_SIGNER) private readonly signer: ContractSigner,
    private readonly serviceCodes: ServiceCodesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Renders the final PDF with the audit page, has the signer seal it, and stores it with its digest: the contract is ACTIVE and frozen. */
  async seal(manager: EntityManager, contract: Contract, sealedAt: Date, sealedBy: string): Promise<void> {
    const events = await manager.find(ContractEvent, { where: { contractId: contract.id }, order: { seq: 'ASC' } });
    // Contracts sent before codes were issued on sending get theirs now.
    const code = await this.serviceCodes.issueWithin(
      manager,
      sealedBy,
      { targetKind: ServiceCodeTargetKind.CONTRACT, targetId: contract.id, label: '劳动合同核验' },
      contract.regionCode,
    );
    const document = sealedContractDocument(
      contentOf(contract),
      contract.createdAt,
      sealedAt,
      {
        events,
        contentDigest: contract.contentDigest,
        pdfDigest: contract.pdfDigest,
        chainHead: contract.chainHead,
        verificationUrl: this.serviceCodes.scanUrl(code.token),
      },
      seekerIdentityOf(this.cipher, contract),
    );
    const rendered = await this.renderer.render(document);
    // The signer may add a PDF signature: the digest is always that of the final bytes.
    const { pdf, record } = await this.signer.seal(rendered, { contractId: contract.id, sealedAt });
    contract.sealedPdf = pdf;
    contract.sealedPdfDigest = sha256Hex(pdf);
    contract.status = ContractStatus.ACTIVE;
    contract.activatedAt = sealedAt;
    await appendContractEvent(manager, contract, ContractEventKind.SEALED, null, { sealedPdfDigest: contract.sealedPdfDigest, ...record }, sealedAt);
  }
}
