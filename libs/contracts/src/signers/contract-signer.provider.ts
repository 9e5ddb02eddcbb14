import { type Provider } from '@nestjs/common';

import { registerSettings } from '@jobcode/common';

import { CONTRACT_SIGNER, type ContractSigner } from './contract-signer';
import { ContractSigningSettings } from './contract-signing.settings';
import { DigestAndChainSigner } from './digest-and-chain.signer';
import { PadesSigner } from './pades.signer';

/** PAdES with the configured .p12 when CONTRACT_SIGNING_P12 is set, else the digest and the chain. Rejects (ConfigError) a certificate it cannot use. */
export async function contractSignerFor(
  settings: Pick<ContractSigningSettings, 'CONTRACT_SIGNING_P12' | 'CONTRACT_SIGNING_P12_PASSPHRASE'>,
): Promise<ContractSigner> {
  if (!settings.CONTRACT_SIGNING_P12) return new DigestAndChainSigner();
  return PadesSigner.open(settings.CONTRACT_SIGNING_P12, settings.CONTRACT_SIGNING_P12_PASSPHRASE ?? '');
}

/** The contract signing settings and the signer chosen from them at boot. */
export const contractSignerProviders: Provider[] = [
  registerSettings(ContractSigningSettings),
  {
    provide: CONTRACT_SIGNER,
    inject: [ContractSigningSettings],
    useFactory: (settings: ContractSigningSettings) => contractSignerFor(settings),
  },
];
