import 'reflect-metadata';

import { type FactoryProvider } from '@nestjs/common';
import { IsIn, IsString, IsUrl, Matches, MinLength } from 'class-validator';

import { IntegerSetting, OptionalSetting } from './setting.decorators';
import { ConfigError, readSettings, type SettingsClass } from './settings';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The settings every part of the service reads, validated once at boot. A wrong value stops
 * the boot with a message naming the setting and what is allowed.
 * Settings of optional features (Meilisearch) are checked only when set. A feature's own
 * settings (notifications, the contract signing certificate) are a class of its own, which
 * loadConfig checks with these (see FeatureSettings).
 */
export class AppConfig {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IntegerSetting(1, 65535, undefined, 'must be an integer between 1 and 65535')
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @OptionalSetting()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  DATA_DIR = './data';

  /** Where `npm run build:web` writes the pages (one folder per surface: seeker, employer, staff). */
  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  WEB_DIR = './dist/web';

  @OptionalSetting()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as https://jobs.example.gov.cn' })
  PUBLIC_URL?: string;

  @OptionalSetting()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @OptionalSetting()
  @Matches(HEX_KEY, { message: 'must be 64 hexadecimal characters (a 256-bit key)' })
  PII_ENCRYPTION_KEY?: string;

  @OptionalSetting()
  @Matches(HEX_KEY, { message: 'must be 64 hexadecimal characters (a 256-bit key)' })
  PII_HASH_KEY?: string;

  @OptionalSetting()
  @Matches(/^1[3-9]\d{9}$/, { message: 'must be an 11-digit mainland mobile number such as 13800000000' })
  ADMIN_PHONE?: string;

  @OptionalSetting()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IntegerSetting(1, 1440, 'minutes')
  ACCESS_TOKEN_TTL_MINUTES = 30;

  @IntegerSetting(1, 720, 'hours')
  SESSION_TTL_HOURS = 12;

  @IntegerSetting(1, 100)
  SIGN_IN_MAX_FAILURES = 5;

  @IntegerSetting(1, 1440, 'minutes')
  SIGN_IN_LOCK_MINUTES = 15;

  /**
   * `required`: STAFF and ADMIN accounts must set up an authenticator app (TOTP) before doing
   * anything else, and sign in with its code (MLPS 2.0: staff accounts can require a second factor).
   * `optional`: whoever set one up signs in with it.
   */
  @IsIn(['optional', 'required'], { message: 'must be optional or required' })
  STAFF_SECOND_FACTOR: 'optional' | 'required' = 'optional';

  @IntegerSetting(2, 50)
  GRAPHQL_MAX_DEPTH = 10;

  @IntegerSetting(10, 100000)
  GRAPHQL_MAX_COST = 5000;

  /** Root fields (aliases included) one GraphQL operation may ask for. */
  @IntegerSetting(1, 200)
  GRAPHQL_MAX_ROOT_FIELDS = 30;

  /** The longest a GraphQL request may run: no root field starts after it, and the client is answered TIMEOUT. */
  @IntegerSetting(100, 600_000, 'milliseconds')
  REQUEST_DEADLINE_MS = 15_000;

  /** PostgreSQL statement_timeout for the API's connections (migrations run without it); 0 turns it off (bulk commands). */
  @IntegerSetting(0, 600_000, undefined, 'must be 0 (off) or an integer number of milliseconds from 100 to 600000')
  DATABASE_STATEMENT_TIMEOUT_MS = 10_000;

  /**
   * Which reverse proxies may set X-Forwarded-For (the client address that rate limits and the
   * sign-in lock-out count by). Empty (the default): none, the TCP peer is the client. Otherwise
   * a hop count (`1`: one proxy in front) or a comma-separated list of addresses / CIDR ranges
   * (`127.0.0.1,10.0.0.0/8`).
   */
  @OptionalSetting()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be a hop count such as 1, or a comma-separated list of proxy addresses or CIDR ranges such as 127.0.0.1,10.0.0.0/8',
  })
  TRUST_PROXY?: string;

  @IntegerSetting(1, 100000, 'requests')
  RATE_LIMIT_PER_MINUTE = 600;

  @OptionalSetting()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as http://127.0.0.1:7700' })
  MEILI_URL?: string;

  @OptionalSetting()
  @IsString()
  MEILI_KEY?: string;

  /** Runs the outbox dispatcher in this process; `off` for CLIs and tests that call `drain()` themselves. */
  @IsIn(['on', 'off'], { message: 'must be on or off' })
  OUTBOX_DISPATCHER: 'on' | 'off' = 'on';

  /** Fallback poll interval; a commit in this process and NOTIFY on a PostgreSQL server wake the dispatcher sooner. */
  @IntegerSetting(50, 60000, 'milliseconds')
  OUTBOX_POLL_MS = 2000;

  /** Attempts per delivery before it is marked DEAD. */
  @IntegerSetting(1, 100)
  OUTBOX_MAX_ATTEMPTS = 10;

  /** First retry delay; each further attempt doubles it (capped at one hour). */
  @IntegerSetting(1, 3_600_000, 'milliseconds')
  OUTBOX_RETRY_BASE_MS = 5000;

  /** How long a claim is held before another process may take the delivery over (a crashed worker's lease expires). */
  @IntegerSetting(5, 3600, 'seconds')
  OUTBOX_LEASE_SECONDS = 120;

  /** Days a fully delivered event is kept (with its idempotency key) before the dispatcher deletes it; DEAD ones are kept. */
  @IntegerSetting(1, 3650, 'days')
  OUTBOX_RETENTION_DAYS = 14;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }

  /** TRUST_PROXY as Fastify's trustProxy option: false (trust no proxy), the nearest N hops, or a list of addresses. */
  get trustProxy(): false | string[] | ((address: string, hop: number) => boolean) {
    const raw = this.TRUST_PROXY?.trim();
    if (!raw) return false;
    if (/^\d+$/.test(raw)) {
      const hops = Number(raw);
      return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
    }
    return raw.split(',').map((part) => part.trim());
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }
}

/**
 * A feature's own settings class (its properties validated with class-validator, like AppConfig),
 * with the checks its decorators cannot make: settings that go together, or that depend on
 * AppConfig. The feature provides it with `registerSettings`; the composition root hands every
 * such class to loadConfig, so that one ConfigError lists all problems before anything starts.
 */
export interface FeatureSettings {
  problems(config: AppConfig): string[];
}

export type FeatureSettingsClass<T extends FeatureSettings = FeatureSettings> = SettingsClass<T>;

/** What loadConfig read a config from, and the feature settings it read and checked with it. */
const sources = new WeakMap<AppConfig, { env: Record<string, string | undefined>; features: Map<FeatureSettingsClass, FeatureSettings> }>();

function readFeatureSettings<T extends FeatureSettings>(
  feature: FeatureSettingsClass<T>,
  env: Record<string, string | undefined>,
  config: AppConfig,
): { settings: T; problems: string[] } {
  const { settings, problems } = readSettings(feature, env);
  return { settings, problems: [...problems, ...settings.problems(config)] };
}

/**
 * Reads and validates the settings from an environment, with the settings of each feature
 * given; throws one ConfigError naming every bad setting.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, features: readonly FeatureSettingsClass[] = []): AppConfig {
  const { settings: config, problems } = readSettings(AppConfig, env);
  if (config.isProduction) {
    for (const key of ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'] as const) {
      if (!config[key]) problems.push(`${key} is required when NODE_ENV=production (secrets are generated only for development)`);
    }
  }
  const loaded = new Map<FeatureSettingsClass, FeatureSettings>();
  for (const feature of features) {
    const read = readFeatureSettings(feature, env, config);
    problems.push(...read.problems);
    loaded.set(feature, read.settings);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  sources.set(config, { env: { ...env }, features: loaded });
  return config;
}

/**
 * A feature's settings from the environment `config` was loaded from: those loadConfig checked
 * with it, or (a feature it was not given) read and checked now, throwing ConfigError.
 */
export function featureSettings<T extends FeatureSettings>(config: AppConfig, feature: FeatureSettingsClass<T>): T {
  const source = sources.get(config);
  const loaded = source?.features.get(feature);
  if (loaded) return loaded as T;
  const { settings, problems } = readFeatureSettings(feature, source?.env ?? {}, config);
  if (problems.length > 0) throw new ConfigError(problems);
  source?.features.set(feature, settings);
  return settings;
}

/** Provides a feature's settings class to its module (`inject: [TheSettings]`): the instance checked at boot. */
export function registerSettings<T extends FeatureSettings>(feature: FeatureSettingsClass<T>): FactoryProvider<T> {
  return { provide: feature, inject: [AppConfig], useFactory: (config: AppConfig) => featureSettings(config, feature) };
}
