import { accessSync, constants, statSync } from 'node:fs';

import { IsString } from 'class-validator';

import { type FeatureSettings, OptionalSetting } from '@jobcode/common';

/**
 * The county's contract signing certificate. Optional, but once named it must be a readable
 * file with a passphrase (checked with the rest of the settings at boot). Whether it opens with
 * that passphrase is checked when the contracts module starts (it needs the PKCS#12 parser),
 * and stops the boot the same way.
 */
export class ContractSigningSettings implements FeatureSettings {
  /**
   * A PKCS#12 (.p12/.pfx) file with the county's signing certificate and its private key.
   * When set, sealed contracts also carry a PDF signature (PAdES, adbe.pkcs7.detached) made
   * with it; otherwise the digest and the event chain are the seal. The file must exist and
   * open with CONTRACT_SIGNING_P12_PASSPHRASE, or the service does not start.
   */
  @OptionalSetting()
  @IsString()
  CONTRACT_SIGNING_P12?: string;

  /** The passphrase of CONTRACT_SIGNING_P12 (required with it). */
  @OptionalSetting()
  @IsString()
  CONTRACT_SIGNING_P12_PASSPHRASE?: string;

  problems(): string[] {
    const file = this.CONTRACT_SIGNING_P12;
    if (!file) {
      return this.CONTRACT_SIGNING_P12_PASSPHRASE ? ['CONTRACT_SIGNING_P12_PASSPHRASE is set but CONTRACT_SIGNING_P12 (the .p12 file) is not'] : [];
    }
    const problems: string[] = [];
    try {
      if (!statSync(file).isFile()) problems.push(`CONTRACT_SIGNING_P12=${JSON.stringify(file)}: is not a file`);
      else accessSync(file, constants.R_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`CONTRACT_SIGNING_P12=${JSON.stringify(file)}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`}`);
    }
    if (!this.CONTRACT_SIGNING_P12_PASSPHRASE) problems.push('CONTRACT_SIGNING_P12_PASSPHRASE is required with CONTRACT_SIGNING_P12');
    return problems;
  }
}
