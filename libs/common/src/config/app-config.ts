import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { IsIn, IsString, IsUrl, Matches, MinLength, validateSync, type ValidationError } from 'class-validator';

import { IntegerSetting, OptionalSetting } from './setting.decorators';
import { signingCertificateProblems } from './signing-certificate.settings';
import {
  parseTencentSmsEndpoint,
  parseTencentSmsTemplates,
  TENCENT_SMS_REQUIRED,
  type TencentSmsEndpoint,
  type TencentSmsTemplate,
  tencentSmsProblems,
} from './tencent-sms.settings';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export const NOTIFICATION_ADAPTERS = ['dev', 'tencent-sms'] as const;
export type NotificationAdapterName = (typeof NOTIFICATION_ADAPTERS)[number];

/**
 * Every setting the service reads, validated once at boot. A wrong value stops
 * the boot with a message naming the setting and what is allowed.
 * Settings of optional features (Meilisearch) are checked only when set.
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

  /**
   * Which adapter delivers notifications. `dev` records every message in notification_message;
   * `tencent-sms` records them the same way and also sends the SMS ones through Tencent Cloud SMS
   * (the TENCENT_SMS_* settings are then required). WeChat template messages are recorded only.
   */
  @IsIn(NOTIFICATION_ADAPTERS, { message: `must be one of ${NOTIFICATION_ADAPTERS.join(', ')}` })
  NOTIFICATIONS: NotificationAdapterName = 'dev';

  /** Tencent Cloud API key pair (CAM, SecretId / SecretKey) allowed to call sms:SendSms. */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SECRET_ID?: string;

  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SECRET_KEY?: string;

  /** The SMS application's SdkAppId from the SMS console, e.g. 1400006666. */
  @OptionalSetting()
  @Matches(/^\d{6,20}$/, { message: 'must be the SdkAppId from the SMS console, digits only, such as 1400006666' })
  TENCENT_SMS_SDK_APP_ID?: string;

  /** The approved sender name (短信签名), without the brackets, e.g. 资源县人社局. */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_SIGN_NAME?: string;

  @Matches(/^[a-z]{2,4}-[a-z]+(-\d+)?$/, { message: 'must be a Tencent Cloud region such as ap-guangzhou, ap-beijing or ap-nanjing' })
  TENCENT_SMS_REGION = 'ap-guangzhou';

  /**
   * JSON: our template key → the approved Tencent template id and the order of its positional
   * parameters, e.g. {"account.welcome":{"id":"1234567","params":["name","county"]}}.
   */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_TEMPLATES?: string;

  /**
   * Another API host, e.g. sms.internal.tencentcloudapi.com inside Tencent Cloud; a full
   * http:// URL is accepted outside production (tests). Default sms.tencentcloudapi.com.
   */
  @OptionalSetting()
  @IsString()
  TENCENT_SMS_ENDPOINT?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }

  /** TENCENT_SMS_TEMPLATES parsed (loadConfig has validated it); empty when unset. */
  get tencentSmsTemplates(): Map<string, TencentSmsTemplate> {
    return parseTencentSmsTemplates(this.TENCENT_SMS_TEMPLATES).templates;
  }

  /** TENCENT_SMS_ENDPOINT parsed (loadConfig has validated it). */
  get tencentSmsEndpoint(): TencentSmsEndpoint {
    return parseTencentSmsEndpoint(this.TENCENT_SMS_ENDPOINT).endpoint;
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

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN_KEYS = Object.keys(new AppConfig());

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const reasons = Object.values(error.constraints ?? {});
    const raw = env[error.property];
    const shown = /SECRET|KEY|PASSWORD|PASSPHRASE/.test(error.property) ? '(hidden)' : JSON.stringify(raw);
    return [...new Set(reasons)].map((reason) => `${error.property}=${shown}: ${reason}`);
  });
}

/** Reads and validates the settings from an environment; throws ConfigError naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const picked: Record<string, string> = {};
  for (const key of [
    ...KNOWN_KEYS,
    'DATABASE_URL',
    'PUBLIC_URL',
    'JWT_SECRET',
    'PII_ENCRYPTION_KEY',
    'PII_HASH_KEY',
    'ADMIN_PHONE',
    'ADMIN_PASSWORD',
    'MEILI_URL',
    'MEILI_KEY',
    'TRUST_PROXY',
    'CONTRACT_SIGNING_P12',
    'CONTRACT_SIGNING_P12_PASSPHRASE',
    ...TENCENT_SMS_REQUIRED,
    'TENCENT_SMS_ENDPOINT',
  ]) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const config = plainToInstance(AppConfig, picked);
  const problems = describe(validateSync(config, { skipMissingProperties: false }), env);
  if (config.isProduction) {
    for (const key of ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'] as const) {
      if (!config[key]) problems.push(`${key} is required when NODE_ENV=production (secrets are generated only for development)`);
    }
  }
  problems.push(...signingCertificateProblems(config));
  problems.push(...tencentSmsProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
