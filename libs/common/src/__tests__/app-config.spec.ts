import { IsString } from 'class-validator';

import { configProblems } from '../../../../test/support/config-problems';
import { type AppConfig, featureSettings, type FeatureSettings, loadConfig } from '../config/app-config';
import { IntegerSetting, OptionalSetting } from '../config/setting.decorators';
import { ConfigError } from '../config/settings';

const problems = configProblems;

/** A feature's own settings, as a library declares them. */
class KilnSettings implements FeatureSettings {
  @IntegerSetting(100, 1300, 'degrees')
  KILN_MAX_TEMPERATURE = 900;

  @OptionalSetting()
  @IsString()
  KILN_API_KEY?: string;

  problems(config: AppConfig): string[] {
    return config.isProduction && !this.KILN_API_KEY ? ['KILN_API_KEY is required when NODE_ENV=production'] : [];
  }
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

  describe("a feature's own settings", () => {
    it('are read from the same environment and checked with the rest, every problem listed at once', () => {
      const config = loadConfig({ KILN_MAX_TEMPERATURE: '1200', PORT: '8080' }, [KilnSettings]);
      expect(config.PORT).toBe(8080);
      expect(featureSettings(config, KilnSettings).KILN_MAX_TEMPERATURE).toBe(1200);
      expect(featureSettings(loadConfig({}, [KilnSettings]), KilnSettings).KILN_MAX_TEMPERATURE).toBe(900);
      expect(problems({ PORT: 'abc', KILN_MAX_TEMPERATURE: '2000', NODE_ENV: 'production' }, [KilnSettings])).toEqual([
        'PORT="abc": must be an integer between 1 and 65535',
        'JWT_SECRET is required when NODE_ENV=production (secrets are generated only for development)',
        'PII_ENCRYPTION_KEY is required when NODE_ENV=production (secrets are generated only for development)',
        'PII_HASH_KEY is required when NODE_ENV=production (secrets are generated only for development)',
        'KILN_MAX_TEMPERATURE="2000": must be an integer number of degrees from 100 to 1300',
        'KILN_API_KEY is required when NODE_ENV=production',
      ]);
    });

    it('are not settings of the service as a whole, and a feature loadConfig was not given is checked when first asked for', () => {
      expect(loadConfig({ KILN_MAX_TEMPERATURE: 'hot' })).not.toHaveProperty('KILN_MAX_TEMPERATURE');
      const config = loadConfig({ KILN_MAX_TEMPERATURE: 'hot', KILN_API_KEY: 'k' });
      expect(() => featureSettings(config, KilnSettings)).toThrow(ConfigError);
      expect(() => featureSettings(config, KilnSettings)).toThrow('KILN_MAX_TEMPERATURE="hot": must be an integer number of degrees from 100 to 1300');
    });
  });
});
