import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { ApplicationsService } from '@jobcode/applications';
import { type Actor, type RequestContext, Role } from '@jobcode/common';
import { PdfRenderer } from '@jobcode/documents';
import { PersonalDataAccessLog, PersonalDataCipher, PersonalDataField } from '@jobcode/personal-data';
import { JobSeeker } from '@jobcode/seekers';

import { contractDocument } from './contract-document';
import { contentOf, seekerIdentityOf } from './contract-ledger';
import { ContractSignature } from './contract-signature.entity';
import { Contract } from './contract.entity';
import { contractNotFound } from './contracts.exception';

/**
 * Labour contracts signed online (在线签约), as their parties and staff read them: the caller's
 * contracts, one contract, its signatures and its PDF. Each step of a contract's life has its
 * own service: offer (ContractOfferService), the seeker's signature (ContractSigningService),
 * countersign and seal (ContractCountersignService, ContractSealer), cancel and end
 * (ContractClosingService), verification by anyone (ContractVerificationService).
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly renderer: PdfRenderer,
    private readonly cipher: PersonalDataCipher,
    private readonly personalDataLog: PersonalDataAccessLog,
  ) {}

  /** The caller's contracts: a seeker's own, or those of the employers an employer account belongs to; newest first. */
  async mine(actor: Actor, limit = 100): Promise<Contract[]> {
    const qb = this.dataSource.manager.createQueryBuilder(Contract, 'c').orderBy('c.created_at', 'DESC').take(limit);
    if (actor.role === Role.SEEKER) qb.where('c.job_seeker_id IN (SELECT s.id FROM job_seeker s WHERE s.account_id = :me)', { me: actor.accountId });
    else qb.where('c.employer_id IN (SELECT m.employer_id FROM employer_member m WHERE m.account_id = :me)', { me: actor.accountId });
    return qb.getMany();
  }

  /** The contract for its seeker, the employer's members, and staff whose region holds it. */
  async requireVisible(actor: Actor, contractId: string): Promise<Contract> {
    const contract = await this.dataSource.manager.findOne(Contract, { where: { id: contractId } });
    if (!contract || !(await this.mayRead(actor, contract))) throw contractNotFound();
    return contract;
  }

  /** The parties and the staff of the contract's region may read it. */
  async mayRead(actor: Actor, contract: Contract): Promise<boolean> {
    return (await this.applications.isOwnSeeker(actor, contract.jobSeekerId)) || this.applications.actsForJobSide(actor, contract);
  }

  async signaturesOf(contractIds: readonly string[]): Promise<Map<string, ContractSignature[]>> {
    const rows = await this.dataSource.manager.find(ContractSignature, { where: { contractId: In([...contractIds]) }, order: { signedAt: 'ASC' } });
    const map = new Map<string, ContractSignature[]>();
    for (const row of rows) map.set(row.contractId, [...(map.get(row.contractId) ?? []), row]);
    return map;
  }

  /** The PDF a party downloads: the sealed one once ACTIVE, otherwise the contract as offered (re-rendered, byte-identical). */
  async pdf(actor: Actor, contractId: string, context: RequestContext, channel: string): Promise<{ pdf: Buffer; contract: Contract }> {
    const contract = await this.requireVisible(actor, contractId);
    // The parties' copy names the worker with the full ID number: a read by anyone but the worker is logged.
    const seeker = await this.dataSource.manager.findOne(JobSeeker, { where: { id: contract.jobSeekerId }, select: { id: true, accountId: true } });
    if (contract.seekerIdentityEncrypted && seeker?.accountId !== actor.accountId) {
      await this.personalDataLog.logRead(context, {
        subjectKind: 'JobSeeker',
        subjectId: contract.jobSeekerId,
        field: PersonalDataField.ID_NUMBER,
        purpose: '劳动合同当事人文本（写明乙方身份证号）',
        channel,
      });
    }
    if (contract.sealedPdfDigest) {
      const [row] = (await this.dataSource.query(`SELECT sealed_pdf FROM contract WHERE id = $1`, [contract.id])) as { sealed_pdf: Buffer }[];
      return { pdf: row.sealed_pdf, contract };
    }
    const document = contractDocument(contentOf(contract), contract.contentDigest, contract.createdAt, seekerIdentityOf(this.cipher, contract));
    return { pdf: await this.renderer.render(document), contract };
  }
}
