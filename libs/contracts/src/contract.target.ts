import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Actor } from '@jobcode/common';
import { RowTargetAdapter, type ScanPage, ServiceCodeTargetKind, ServiceCodeTargets, type TargetFacts } from '@jobcode/service-codes';

import { Contract } from './contract.entity';
import { CONTRACT_STATUS_WORD } from './contract.enums';
import { ContractScan } from './contract-scan.object';
import { ContractVerificationService } from './contract-verification.service';
import { ContractsService } from './contracts.service';

/**
 * A labour contract's code verifies it: anyone holding the code sees its status, the
 * parties' masked names, dates and digests, and whether content, seal and event chain are
 * intact — no personal data.
 */
@Injectable()
export class ContractTarget extends RowTargetAdapter<ContractScan, Contract> {
  constructor(
    targets: ServiceCodeTargets,
    private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly verification: ContractVerificationService,
  ) {
    super(targets, { kind: ServiceCodeTargetKind.CONTRACT, view: ContractScan, isPublic: false, versioned: false });
  }

  protected find(id: string): Promise<Contract | null> {
    return this.dataSource.manager.findOne(Contract, { where: { id } });
  }

  protected facts(contract: Contract): TargetFacts {
    return { regionCode: contract.regionCode, title: '劳动合同' };
  }

  /** The parties and the staff of its region, i.e. whoever may read the contract. */
  protected mayManage(actor: Actor, contract: Contract): Promise<boolean> {
    return this.contracts.mayRead(actor, contract);
  }

  async scan(id: string): Promise<ContractScan> {
    return Object.assign(new ContractScan(), { verification: await this.verification.verificationView(id) });
  }

  page({ verification: v }: ContractScan): ScanPage {
    return {
      title: v.valid ? '劳动合同核验：通过' : '劳动合同核验：未通过',
      subtitle: CONTRACT_STATUS_WORD[v.status] ?? v.status,
      facts: [
        ['用人单位', v.employerName],
        ['劳动者', v.seekerMaskedName],
        ['岗位', v.jobTitle],
        ['合同期限', `${v.startDate} 至 ${v.endDate ?? '无固定期限'}`],
        ['内容摘要 SHA-256', v.contentDigest],
        ...(v.sealedPdfDigest ? ([['签署版 PDF 摘要', v.sealedPdfDigest]] as [string, string][]) : []),
      ],
      sections: [],
      notice: v.valid ? '合同内容、签署记录和封存文件均未被改动。' : '合同内容、签署记录或封存文件与登记的摘要不一致，请联系县人社局。',
    };
  }
}
