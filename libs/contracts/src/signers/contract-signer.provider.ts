import { type Provider } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';

import { CONTRACT_SIGNER, type ContractSigner } from './contract-signer';
import { DigestAndChainSigner } from './digest-and-chain.signer';
import { PadesSigner } from './pades.signer';

/** PAdES with the configured .p12 when CONTRACT_SIGNING_P12 is set, else the digest and the chain. Rejects (ConfigError) a certificate it cannot use. */
export async function contractSignerFor(config: Pick<AppConfig, 'CONTRACT_SIGNING_P12' | 'CONTRACT_SIGNING_P12_PASSPHRASE'>): Promise<ContractSigner> {
  if (!config.CONTRACT_SIGNING_P12) return new DigestAndChainSigner();
  return PadesSigner.open(config.CONTRACT_SIGNING_P12, config.CONTRACT_SIGNING_P12_PASSPHRASE ?? '');
}

export const contractSignerProvider: Provider = {
  provide: CONTRACT_SIGNER,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => contractSignerFor(config),
};
