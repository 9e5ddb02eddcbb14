import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import { type LoaderFactory } from '@jobcode/common';

import { type ContractSignatureObject } from './contract.object';
import { ContractsService } from './contracts.service';

/** The signatures of many contracts in one query. */
@Injectable()
export class ContractSignaturesLoader implements LoaderFactory<string, ContractSignatureObject[]> {
  constructor(private readonly contracts: ContractsService) {}

  create(): DataLoader<string, ContractSignatureObject[]> {
    return new DataLoader(async (ids) => {
      const byContract = await this.contracts.signaturesOf(ids);
      return ids.map((id) =>
        (byContract.get(id) ?? []).map((s) => ({
          party: s.party,
          accountId: s.accountId,
          identityCheck: s.identityCheck,
          digest: s.digest,
          signedAt: s.signedAt,
        })),
      );
    });
  }
}
