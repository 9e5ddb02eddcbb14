import { accessSync, constants, statSync } from 'node:fs';

import type { AppConfig } from './app-config';

/**
 * The contract signing certificate is optional, but once named it must be a readable file
 * with a passphrase. Whether it opens with that passphrase is checked when the contracts
 * module starts (it needs the PKCS#12 parser), and stops the boot the same way.
 */
export function signingCertificateProblems(config: AppConfig): string[] {
  const file = config.CONTRACT_SIGNING_P12;
  if (!file) {
    return config.CONTRACT_SIGNING_P12_PASSPHRASE ? ['CONTRACT_SIGNING_P12_PASSPHRASE is set but CONTRACT_SIGNING_P12 (the .p12 file) is not'] : [];
  }
  const problems: string[] = [];
  try {
    if (!statSync(file).isFile()) problems.push(`CONTRACT_SIGNING_P12=${JSON.stringify(file)}: is not a file`);
    else accessSync(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(`CONTRACT_SIGNING_P12=${JSON.stringify(file)}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`}`);
  }
  if (!config.CONTRACT_SIGNING_P12_PASSPHRASE) problems.push('CONTRACT_SIGNING_P12_PASSPHRASE is required with CONTRACT_SIGNING_P12');
  return problems;
}
