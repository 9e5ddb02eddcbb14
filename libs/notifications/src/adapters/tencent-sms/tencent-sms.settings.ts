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

export const TENCENT_SMS_REQUIRED = [
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
