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

  describe('Tencent Cloud SMS (NOTIFICATIONS=tencent-sms)', () => {
    const complete = {
      NOTIFICATIONS: 'tencent-sms',
      TENCENT_SMS_SECRET_ID: 'AKIDexample',
      TENCENT_SMS_SECRET_KEY: 'example-secret-key',
      TENCENT_SMS_SDK_APP_ID: '1400006666',
      TENCENT_SMS_SIGN_NAME: '资源县人社局',
      TENCENT_SMS_TEMPLATES: '{"account.welcome":{"id":"1234567","params":["name","county"]}}',
    };

    it('boots with every required setting, defaulting the region and the endpoint', () => {
      const config = loadConfig(complete);
      expect(config.NOTIFICATIONS).toBe('tencent-sms');
      expect(config.TENCENT_SMS_REGION).toBe('ap-guangzhou');
      expect(config.tencentSmsEndpoint).toEqual({ protocol: 'https://', host: 'sms.tencentcloudapi.com' });
      expect([...config.tencentSmsTemplates]).toEqual([['account.welcome', { id: '1234567', params: ['name', 'county'] }]]);
    });

    it('refuses to boot naming each missing setting', () => {
      for (const key of Object.keys(complete).filter((k) => k !== 'NOTIFICATIONS')) {
        const env: Record<string, string> = { ...complete };
        delete env[key];
        expect(problems(env)).toEqual([`${key} is required when NOTIFICATIONS=tencent-sms`]);
      }
      expect(problems({ NOTIFICATIONS: 'tencent-sms' })).toHaveLength(5);
      expect(problems({})).toEqual([]);
      expect(problems({ NOTIFICATIONS: 'aliyun' })[0]).toContain('must be one of dev, tencent-sms');
    });

    it('refuses a template map that is not JSON or not { id, params }, naming the entry', () => {
      expect(problems({ ...complete, TENCENT_SMS_TEMPLATES: '{account.welcome: 1}' })).toEqual([expect.stringMatching(/^TENCENT_SMS_TEMPLATES: must be JSON/)]);
      expect(problems({ ...complete, TENCENT_SMS_TEMPLATES: '{"account.welcome":{"id":1234567,"params":"name"}}' })).toEqual([
        expect.stringContaining('TENCENT_SMS_TEMPLATES["account.welcome"].id: must be the approved Tencent template id'),
        expect.stringContaining('TENCENT_SMS_TEMPLATES["account.welcome"].params: must be a list'),
      ]);
      expect(problems({ ...complete, TENCENT_SMS_TEMPLATES: '{}' })).toEqual([expect.stringContaining('maps no template')]);
    });

    it('takes another endpoint host, http only outside production, and hides the secrets', () => {
      expect(loadConfig({ ...complete, TENCENT_SMS_ENDPOINT: 'sms.internal.tencentcloudapi.com' }).tencentSmsEndpoint).toEqual({
        protocol: 'https://',
        host: 'sms.internal.tencentcloudapi.com',
      });
      expect(loadConfig({ ...complete, TENCENT_SMS_ENDPOINT: 'http://sms.localhost:8080' }).tencentSmsEndpoint).toEqual({
        protocol: 'http://',
        host: 'sms.localhost:8080',
      });
      expect(problems({ ...complete, TENCENT_SMS_ENDPOINT: '127.0.0.1:8080' })).toEqual([expect.stringContaining('must start with "sms."')]);
      const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), PII_ENCRYPTION_KEY: 'a'.repeat(64), PII_HASH_KEY: 'b'.repeat(64) };
      expect(problems({ ...complete, ...production, TENCENT_SMS_ENDPOINT: 'http://sms.localhost:8080' })).toEqual([
        expect.stringContaining('must be https when NODE_ENV=production'),
      ]);
      const bad = problems({ ...complete, TENCENT_SMS_SDK_APP_ID: 'app-1', TENCENT_SMS_SECRET_KEY: '' });
      expect(bad).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^TENCENT_SMS_SDK_APP_ID="app-1": must be the SdkAppId/),
          'TENCENT_SMS_SECRET_KEY is required when NOTIFICATIONS=tencent-sms',
        ]),
      );
    });
  });
});
