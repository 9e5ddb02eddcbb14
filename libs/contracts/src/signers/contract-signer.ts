import { registerEnumType } from '@nestjs/graphql';

/** Injection token of the signer that seals contracts (see ContractsModule). */
export const CONTRACT_SIGNER = Symbol('CONTRACT_SIGNER');

/** Which signer sealed a contract; recorded in its SEALED event. */
export enum ContractSignerKind {
  /** The sealed PDF as rendered: its SHA-256, kept with the contract and in the hash chain of events, is the seal. */
  DIGEST_AND_CHAIN = 'DIGEST_AND_CHAIN',
  /** The sealed PDF also carries a PDF signature made with the county's certificate (.p12). */
  PADES = 'PADES',
}

registerEnumType(ContractSignerKind, {
  name: 'ContractSignerKind',
  description: '合同封存方式',
  valuesMap: {
    DIGEST_AND_CHAIN: { description: '以 PDF 的 SHA-256 摘要和事件哈希链封存' },
    PADES: { description: '另加平台证书（.p12）的 PDF 数字签名，可在 PDF 阅读器中查看' },
  },
});

/** What the SEALED event records about the signer, beside the digest of the final bytes. */
export interface SealRecord {
  signer: ContractSignerKind;
  /** PADES: the signature's SubFilter. */
  subFilter?: string;
  /** PADES: the signing certificate's subject (RFC 2253 order, e.g. `CN=…,O=…,C=CN`). */
  certificateSubject?: string;
  /** PADES: SHA-256 of the signing certificate (DER), lower-case hex. */
  certificateSha256?: string;
}

export interface SealedPdf {
  /** The final bytes that are stored, downloaded and whose SHA-256 is the sealed digest. */
  pdf: Buffer;
  record: SealRecord;
}

/**
 * The port that seals a rendered contract PDF (the contract plus its audit page). An adapter
 * may add a signature to the bytes; whatever it returns is what is stored and digested.
 */
export interface ContractSigner {
  readonly kind: ContractSignerKind;
  seal(pdf: Buffer, facts: { contractId: string; sealedAt: Date }): Promise<SealedPdf>;
}
