import { contentOf } from './contract-ledger';
import { type Contract } from './contract.entity';
import { type ContractObject } from './contract.object';

export type ContractParent = Readonly<ContractObject>;

/** Storage → API: the terms and party names come from the signed canonical content. */
export function toContractObject(contract: Contract): ContractParent {
  const content = contentOf(contract);
  return {
    id: contract.id,
    applicationId: contract.applicationId,
    jobId: contract.jobId,
    jobSeekerId: contract.jobSeekerId,
    employerId: contract.employerId,
    status: contract.status,
    templateVersion: contract.templateVersion,
    employerName: content.parties.employer.name,
    seekerMaskedName: content.parties.seeker.maskedName,
    terms: content.terms,
    contentDigest: contract.contentDigest,
    pdfDigest: contract.pdfDigest,
    sealedPdfDigest: contract.sealedPdfDigest,
    pdfPath: `/contracts/${contract.id}/pdf`,
    createdAt: contract.createdAt,
    seekerSignedAt: contract.seekerSignedAt,
    activatedAt: contract.activatedAt,
    endedOn: contract.endedOn,
    closingReason: contract.closingReason,
  };
}
