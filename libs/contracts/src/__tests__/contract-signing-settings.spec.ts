import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { configProblems, loadedSettings } from '../../../../test/support/config-problems';
import { ContractSigningSettings } from '../signers/contract-signing.settings';

const problems = (env: Record<string, string>) => configProblems(env, [ContractSigningSettings]);
const load = (env: Record<string, string>) => loadedSettings(ContractSigningSettings, env);

describe('contract signing certificate (optional)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jobcode-config-'));
  const file = join(folder, 'county.p12');
  writeFileSync(file, Buffer.from([0x30, 0x00]));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is off when not named', () => {
    expect(load({}).CONTRACT_SIGNING_P12).toBeUndefined();
  });

  it('needs a file that exists and a passphrase, naming the setting at fault', () => {
    expect(problems({ CONTRACT_SIGNING_P12: join(folder, 'missing.p12'), CONTRACT_SIGNING_P12_PASSPHRASE: 'x' })).toEqual([
      `CONTRACT_SIGNING_P12=${JSON.stringify(join(folder, 'missing.p12'))}: no such file`,
    ]);
    expect(problems({ CONTRACT_SIGNING_P12: folder, CONTRACT_SIGNING_P12_PASSPHRASE: 'x' })).toEqual([
      `CONTRACT_SIGNING_P12=${JSON.stringify(folder)}: is not a file`,
    ]);
    expect(problems({ CONTRACT_SIGNING_P12: file })).toEqual(['CONTRACT_SIGNING_P12_PASSPHRASE is required with CONTRACT_SIGNING_P12']);
    expect(problems({ CONTRACT_SIGNING_P12_PASSPHRASE: 'x' })).toEqual([
      'CONTRACT_SIGNING_P12_PASSPHRASE is set but CONTRACT_SIGNING_P12 (the .p12 file) is not',
    ]);
    const settings = load({ CONTRACT_SIGNING_P12: file, CONTRACT_SIGNING_P12_PASSPHRASE: 'county-secret' });
    expect(settings.CONTRACT_SIGNING_P12).toBe(file);
  });
});
