import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import { type LoaderFactory } from '@jobcode/common';

import { ContractVerificationService } from './contract-verification.service';

/** The scan address of each contract's active verification code, many contracts in one query. */
@Injectable()
export class ContractVerificationUrlLoader implements LoaderFactory<string, string | null> {
  constructor(private readonly verification: ContractVerificationService) {}

  create(): DataLoader<string, string | null> {
    return new DataLoader(async (ids) => {
      const byContract = await this.verification.verificationUrlsOf(ids);
      return ids.map((id) => byContract.get(id) ?? null);
    });
  }
}
