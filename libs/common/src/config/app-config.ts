import 'reflect-metadata';

import { accessSync, constants, statSync } from 'node:fs';

import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync, type ValidationError } from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export const NOTIFICATION_ADAPTERS = ['dev', 'tencent-sms'] as const;
export type NotificationAdapterName = (typeof NOTIFICATION_ADAPTERS)[number];

/** One TENCENT_SMS_TEMPLATES entry: the approved template id and our parameter names in Tencent's positional order. */
export interface TencentSmsTemplate {
  id: string;
  params: string[];
}

/** Where and how the Tencent SMS adapter connects, from TENCENT_SMS_ENDPOINT. */
export interface TencentSmsEndpoint {
  protocol: 'https://' | 'http://';
  /** host[:port]; its first label must be `sms` (the SDK signs with it as the service name). */
  host: string;
}
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the service reads, validated once at boot. A wrong value stops
 * the boot with a message naming the setting and what is allowed.
 * Settings of optional features (Meilisearch) are checked only when set.
 */
export class AppConfig {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// connection URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  DATA_DIR = './data';

  /** Where `npm run build:web` writes the pages (one folder per surface: seeker, employer, staff). */
  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  WEB_DIR = './dist/web';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as https://jobs.example.gov.cn' })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(HEX_KEY, { message: 'must be 64 hexadecimal characters (a 256-bit key)' })
  PII_ENCRYPTION_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(HEX_KEY, { message: 'must be 64 hexadecimal characters (a 256-bit key)' })
  PII_HASH_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/, { message: 'must be an 11-digit mainland mobile number such as 13800000000' })
  ADMIN_PHONE?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of minutes from 1 to 1440' })
  @Min(1, { message: 'must be an integer number of minutes from 1 to 1440' })
  @Max(1440, { message: 'must be an integer number of minutes from 1 to 1440' })
  ACCESS_TOKEN_TTL_MINUTES = 30;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of hours from 1 to 720' })
  @Min(1, { message: 'must be an integer number of hours from 1 to 720' })
  @Max(720, { message: 'must be an integer number of hours from 1 to 720' })
  SESSION_TTL_HOURS = 12;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 100' })
  @Min(1, { message: 'must be an integer from 1 to 100' })
  @Max(100, { message: 'must be an integer from 1 to 100' })
  SIGN_IN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of minutes from 1 to 1440' })
  @Min(1, { message: 'must be an integer number of minutes from 1 to 1440' })
  @Max(1440, { message: 'must be an integer number of minutes from 1 to 1440' })
  SIGN_IN_LOCK_MINUTES = 15;

  /**
   * `required`: STAFF and ADMIN accounts must set up an authenticator app (TOTP) before doing
   * anything else, and sign in with its code (MLPS 2.0: staff accounts can require a second factor).
   * `optional`: whoever set one up signs in with it.
   */
  @IsIn(['optional', 'required'], { message: 'must be optional or required' })
  STAFF_SECOND_FACTOR: 'optional' | 'required' = 'optional';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 2 to 50' })
  @Min(2, { message: 'must be an integer from 2 to 50' })
  @Max(50, { message: 'must be an integer from 2 to 50' })
  GRAPHQL_MAX_DEPTH = 10;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 10 to 100000' })
  @Min(10, { message: 'must be an integer from 10 to 100000' })
  @Max(100000, { message: 'must be an integer from 10 to 100000' })
  GRAPHQL_MAX_COST = 5000;

  /** Root fields (aliases included) one GraphQL operation may ask for. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 200' })
  @Min(1, { message: 'must be an integer from 1 to 200' })
  @Max(200, { message: 'must be an integer from 1 to 200' })
  GRAPHQL_MAX_ROOT_FIELDS = 30;

  /** The longest a GraphQL request may run: no root field starts after it, and the client is answered TIMEOUT. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds from 100 to 600000' })
  @Min(100, { message: 'must be an integer number of milliseconds from 100 to 600000' })
  @Max(600_000, { message: 'must be an integer number of milliseconds from 100 to 600000' })
  REQUEST_DEADLINE_MS = 15_000;

  /** PostgreSQL statement_timeout for the API's connections (migrations run without it); 0 turns it off (bulk commands). */
  @Type(() => Number)
  @IsInt({ message: 'must be 0 (off) or an integer number of milliseconds from 100 to 600000' })
  @Min(0, { message: 'must be 0 (off) or an integer number of milliseconds from 100 to 600000' })
  @Max(600_000, { message: 'must be 0 (off) or an integer number of milliseconds from 100 to 600000' })
  DATABASE_STATEMENT_TIMEOUT_MS = 10_000;

  /**
   * Which reverse proxies may set X-Forwarded-For (the client address that rate limits and the
   * sign-in lock-out count by). Empty (the default): none, the TCP peer is the client. Otherwise
   * a hop count (`1`: one proxy in front) or a comma-separated list of addresses / CIDR ranges
   * (`127.0.0.1,10.0.0.0/8`).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be a hop count such as 1, or a comma-separated list of proxy addresses or CIDR ranges such as 127.0.0.1,10.0.0.0/8',
  })
  TRUST_PROXY?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests from 1 to 100000' })
  @Min(1, { message: 'must be an integer number of requests from 1 to 100000' })
  @Max(100000, { message: 'must be an integer number of requests from 1 to 100000' })
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as http://127.0.0.1:7700' })
  MEILI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILI_KEY?: string;

  /** Runs the outbox dispatcher in this process; `off` for CLIs and tests that call `drain()` themselves. */
  @IsIn(['on', 'off'], { message: 'must be on or off' })
  OUTBOX_DISPATCHER: 'on' | 'off' = 'on';

  /** Fallback poll interval; a commit in this process and NOTIFY on a PostgreSQL server wake the dispatcher sooner. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds from 50 to 60000' })
  @Min(50, { message: 'must be an integer number of milliseconds from 50 to 60000' })
  @Max(60000, { message: 'must be an integer number of milliseconds from 50 to 60000' })
  OUTBOX_POLL_MS = 2000;

  /** Attempts per delivery before it is marked DEAD. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 100' })
  @Min(1, { message: 'must be an integer from 1 to 100' })
  @Max(100, { message: 'must be an integer from 1 to 100' })
  OUTBOX_MAX_ATTEMPTS = 10;

  /** First retry delay; each further attempt doubles it (capped at one hour). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds from 1 to 3600000' })
  @Min(1, { message: 'must be an integer number of milliseconds from 1 to 3600000' })
  @Max(3_600_000, { message: 'must be an integer number of milliseconds from 1 to 3600000' })
  OUTBOX_RETRY_BASE_MS = 5000;

  /** How long a claim is held before another process may take the delivery over (a crashed worker's lease expires). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds from 5 to 3600' })
  @Min(5, { message: 'must be an integer number of seconds from 5 to 3600' })
  @Max(3600, { message: 'must be an integer number of seconds from 5 to 3600' })
  OUTBOX_LEASE_SECONDS = 120;

  /** Days a fully delivered event is kept (with its idempotency key) before the dispatcher deletes it; DEAD ones are kept. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days from 1 to 3650' })
  @Min(1, { message: 'must be an integer number of days from 1 to 3650' })
  @Max(3650, { message: 'must be an integer number of days from 1 to 3650' })
  OUTBOX_RETENTION_DAYS = 14;

  /**
   * A PKCS#12 (.p12/.pfx) file with the county's signing certificate and its private key.
   * When set, sealed contracts also carry a PDF signature (PAdES, adbe.pkcs7.detached) made
   * with it; otherwise the digest and the event chain are the seal. The file must exist and
   * open with CONTRACT_SIGNING_P12_PASSPHRASE, or the service does not start.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CONTRACT_SIGNING_P12?: string;

  /** The passphrase of CONTRACT_SIGNING_P12 (required with it). */
  @Transform(emptyToUndefined)
  @IsOptional()
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
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TENCENT_SMS_SECRET_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TENCENT_SMS_SECRET_KEY?: string;

  /** The SMS application's SdkAppId from the SMS console, e.g. 1400006666. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{6,20}$/, { message: 'must be the SdkAppId from the SMS console, digits only, such as 1400006666' })
  TENCENT_SMS_SDK_APP_ID?: string;

  /** The approved sender name (短信签名), without the brackets, e.g. 资源县人社局. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TENCENT_SMS_SIGN_NAME?: string;

  @Matches(/^[a-z]{2,4}-[a-z]+(-\d+)?$/, { message: 'must be a Tencent Cloud region such as ap-guangzhou, ap-beijing or ap-nanjing' })
  TENCENT_SMS_REGION = 'ap-guangzhou';

  /**
   * JSON: our template key → the approved Tencent template id and the order of its positional
   * parameters, e.g. {"account.welcome":{"id":"1234567","params":["name","county"]}}.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TENCENT_SMS_TEMPLATES?: string;

  /**
   * Another API host, e.g. sms.internal.tencentcloudapi.com inside Tencent Cloud; a full
   * http:// URL is accepted outside production (tests). Default sms.tencentcloudapi.com.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
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

/**
 * The contract signing certificate is optional, but once named it must be a readable file
 * with a passphrase. Whether it opens with that passphrase is checked when the contracts
 * module starts (it needs the PKCS#12 parser), and stops the boot the same way.
 */
function signingCertificateProblems(config: AppConfig): string[] {
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

const TENCENT_SMS_REQUIRED = [
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_SIGN_NAME',
  'TENCENT_SMS_TEMPLATES',
] as const;

const TEMPLATE_KEY = /^[a-z][a-z0-9_.-]{0,99}$/;
const PARAM_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** Parses TENCENT_SMS_TEMPLATES; every problem names the entry that is wrong. */
export function parseTencentSmsTemplates(raw: string | undefined): { templates: Map<string, TencentSmsTemplate>; problems: string[] } {
  const templates = new Map<string, TencentSmsTemplate>();
  if (raw === undefined) return { templates, problems: [] };
  const example = 'such as {"account.welcome":{"id":"1234567","params":["name","county"]}}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { templates, problems: [`TENCENT_SMS_TEMPLATES: must be JSON ${example}`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { templates, problems: [`TENCENT_SMS_TEMPLATES: must be a JSON object of template key → { id, params } ${example}`] };
  }
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const where = `TENCENT_SMS_TEMPLATES["${key}"]`;
    if (!TEMPLATE_KEY.test(key)) problems.push(`${where}: the key must be one of our template keys, lower-case and dotted, such as account.welcome`);
    const { id, params = [] } = (typeof entry === 'object' && entry !== null ? entry : {}) as { id?: unknown; params?: unknown };
    if (typeof id !== 'string' || !/^\d{1,20}$/.test(id)) {
      problems.push(`${where}.id: must be the approved Tencent template id as a string of digits, such as "1234567"`);
    }
    if (!Array.isArray(params) || !params.every((name) => typeof name === 'string' && PARAM_NAME.test(name))) {
      problems.push(`${where}.params: must be a list of our parameter names in the template's order, such as ["name","county"]`);
    } else if (new Set(params).size !== params.length) {
      problems.push(`${where}.params: names a parameter twice`);
    }
    if (typeof id === 'string' && Array.isArray(params)) templates.set(key, { id, params: params as string[] });
  }
  if (templates.size === 0 && problems.length === 0) problems.push(`TENCENT_SMS_TEMPLATES: maps no template; ${example}`);
  return { templates, problems };
}

/** Parses TENCENT_SMS_ENDPOINT: a host (https), or outside production an http(s):// URL. */
export function parseTencentSmsEndpoint(raw: string | undefined, production = false): { endpoint: TencentSmsEndpoint; problems: string[] } {
  const fallback: TencentSmsEndpoint = { protocol: 'https://', host: 'sms.tencentcloudapi.com' };
  if (raw === undefined) return { endpoint: fallback, problems: [] };
  const hasScheme = /^[a-z]+:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return { endpoint: fallback, problems: [`TENCENT_SMS_ENDPOINT=${JSON.stringify(raw)}: must be a host such as sms.internal.tencentcloudapi.com`] };
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`TENCENT_SMS_ENDPOINT=${JSON.stringify(raw)}: must be https`);
  if (url.protocol === 'http:' && production) problems.push(`TENCENT_SMS_ENDPOINT=${JSON.stringify(raw)}: must be https when NODE_ENV=production`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
    problems.push(`TENCENT_SMS_ENDPOINT=${JSON.stringify(raw)}: must be a host (and port), without a path, query or user`);
  }
  if (url.hostname.split('.')[0] !== 'sms') {
    problems.push(
      `TENCENT_SMS_ENDPOINT=${JSON.stringify(raw)}: the host must start with "sms." (the SDK signs requests with its first label as the service), such as sms.internal.tencentcloudapi.com`,
    );
  }
  return { endpoint: { protocol: url.protocol === 'http:' ? 'http://' : 'https://', host: url.host }, problems };
}

/** With NOTIFICATIONS=tencent-sms every TENCENT_SMS_* setting but the endpoint is required, and each must parse. */
function tencentSmsProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  const { problems: endpointProblems } = parseTencentSmsEndpoint(config.TENCENT_SMS_ENDPOINT, config.isProduction);
  const { problems: templateProblems } = parseTencentSmsTemplates(config.TENCENT_SMS_TEMPLATES);
  if (config.NOTIFICATIONS !== 'tencent-sms') return [...endpointProblems, ...templateProblems];
  for (const key of TENCENT_SMS_REQUIRED) {
    if (!config[key]) problems.push(`${key} is required when NOTIFICATIONS=tencent-sms`);
  }
  return [...problems, ...endpointProblems, ...templateProblems];
}
