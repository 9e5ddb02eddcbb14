import { configProblems, loadedSettings } from '../../../../test/support/config-problems';
import { NotificationsSettings } from '../notifications.settings';

const problems = (env: Record<string, string>) => configProblems(env, [NotificationsSettings]);
const load = (env: Record<string, string>) => loadedSettings(NotificationsSettings, env);

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
    const settings = load(complete);
    expect(settings.NOTIFICATIONS).toBe('tencent-sms');
    expect(settings.TENCENT_SMS_REGION).toBe('ap-guangzhou');
    expect(settings.tencentSmsEndpoint).toEqual({ protocol: 'https://', host: 'sms.tencentcloudapi.com' });
    expect([...settings.tencentSmsTemplates]).toEqual([['account.welcome', { id: '1234567', params: ['name', 'county'] }]]);
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
    expect(load({ ...complete, TENCENT_SMS_ENDPOINT: 'sms.internal.tencentcloudapi.com' }).tencentSmsEndpoint).toEqual({
      protocol: 'https://',
      host: 'sms.internal.tencentcloudapi.com',
    });
    expect(load({ ...complete, TENCENT_SMS_ENDPOINT: 'http://sms.localhost:8080' }).tencentSmsEndpoint).toEqual({
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
