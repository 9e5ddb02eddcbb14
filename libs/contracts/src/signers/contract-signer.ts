/** Injection token of the signer that seals contracts (see ContractsModule). */
export const CONTRACT_SIGNER = Symbol('CONTRACT_SIGNER');

/** Which signer sealed a contract; recorded in its SEALED event. */
export enum ContractSignerKind {
  /** The sealed PDF as rendered: its SHA-256, kept with the contract and in the hash chain of events, is the seal. */
  DIGEST_AND_CHAIN = 'DIGEST_AND_CHAIN',
  /** The sealed PDF also carries a PDF signature made with the county's certificate (.p12). */
  PADES = 'PADES',
}

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
