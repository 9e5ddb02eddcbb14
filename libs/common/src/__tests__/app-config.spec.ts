import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError, loadConfig } from '../config/app-config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to an embedded database on port 3000 in development', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NODE_ENV).toBe('development');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('refuses a wrong setting, naming it and what is allowed', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['PORT="abc": must be an integer between 1 and 65535']);
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL=.*postgres/);
    expect(problems({ NODE_ENV: 'staging' })[0]).toContain('must be one of development, production, test');
  });

  it('hides the values of secrets in its messages', () => {
    expect(problems({ PII_ENCRYPTION_KEY: 'short-secret' })[0]).toBe('PII_ENCRYPTION_KEY=(hidden): must be 64 hexadecimal characters (a 256-bit key)');
  });

  it('requires explicit secrets in production', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual(expect.arrayContaining([expect.stringContaining('JWT_SECRET is required when NODE_ENV=production')]));
  });

  describe('contract signing certificate (optional)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jobcode-config-'));
    const file = join(folder, 'county.p12');
    writeFileSync(file, Buffer.from([0x30, 0x00]));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('is off when not named', () => {
      expect(loadConfig({}).CONTRACT_SIGNING_P12).toBeUndefined();
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
      const config = loadConfig({ CONTRACT_SIGNING_P12: file, CONTRACT_SIGNING_P12_PASSPHRASE: 'county-secret' });
      expect(config.CONTRACT_SIGNING_P12).toBe(file);
    });
  });
});
