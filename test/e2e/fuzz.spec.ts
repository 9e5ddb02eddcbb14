import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

import { AccountsService, AuthService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Hostile input against every operation of the committed schema (issue 14): each root field of
 * schema.graphql is called anonymously and as each role, with generated values — wrong types,
 * huge and empty strings, NUL, lone surrogates, extreme numbers, bad IDs, impossible dates,
 * unknown enums, crafted cursors — as variables and as inline literals; then the protocol cases.
 * An operation added to the schema is covered without editing this file. It fails on any HTTP
 * 5xx, any INTERNAL_SERVER_ERROR, any error without extensions.code, and any error text showing
 * a stack frame, a file path, SQL or PostgreSQL's own words. Bounded: a few thousand requests.
 */

const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HUGE = 'x'.repeat(200_000);
const STRINGS: unknown[] = [
  '',
  HUGE,
  'a\u0000b',
  '\ud800',
  "'; DROP TABLE account; --",
  '2026-02-30',
  b64([1e999, -1]),
  b64(["x' OR 1=1 --", "'; SELECT pg_sleep(10); --"]),
  '９'.repeat(20),
  '450329103',
];
const IDS: unknown[] = ['x', '', '00000000-0000-0000-0000-000000000000', 'a'.repeat(5_000), '1', '\u0000'];
const INTS: unknown[] = [0, -1, 2147483647, -2147483648, 1];
const FLOATS: unknown[] = [1e-320, -1e308, 0, 1e308, -0.000001, 3.5];
const DATES: unknown[] = ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', 'not a date', '9999-12-31T23:59:59Z', ''];
/** Values of the wrong type for any input: refused by graphql-js during coercion. */
const WRONG: unknown[] = [{ nested: [1] }, 12.5, true, 'NOT_AN_ENUM_VALUE', [[]]];

interface Variant {
  index: number;
  /** Fill optional fields and arguments too. */
  full: boolean;
  /** Put a wrong-typed value at this leaf (counted across the operation), if any. */
  wrongAt?: number;
}

function valueFor(type: GraphQLInputType, variant: Variant, state: { leaf: number; depth: number }): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, variant, state);
  if (isListType(type)) {
    if (variant.index % 4 === 3) return [];
    return [valueFor(type.ofType, variant, state)];
  }
  if (isInputObjectType(type)) {
    if (state.depth > 3) return {};
    const object: Record<string, unknown> = {};
    state.depth += 1;
    for (const field of Object.values(type.getFields())) {
      if (variant.full || isNonNullType(field.type)) object[field.name] = valueFor(field.type, variant, state);
    }
    state.depth -= 1;
    return object;
  }
  const leaf = state.leaf++;
  if (variant.wrongAt === leaf) return WRONG[(variant.index + leaf) % WRONG.length];
  const pick = (values: unknown[]) => values[(variant.index + leaf) % values.length];
  if (isEnumType(type)) {
    const values = type.getValues();
    return values[(variant.index + leaf) % values.length].value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return pick(IDS);
      case 'Int':
        return pick(INTS);
      case 'Float':
        return pick(FLOATS);
      case 'Boolean':
        return leaf % 2 === 0;
      case 'DateTime':
        return pick(DATES);
      default:
        return pick(STRINGS);
    }
  }
  return null;
}

/** A GraphQL literal for a value (inline-literal variants). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, isListType(type) ? type.ofType : isNonNullType(type) && isListType(type.ofType) ? type.ofType.ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? named)}`)
      .join(', ')} }`;
  }
  if (isEnumType(named) && typeof value === 'string' && named.getValue(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

function typeName(type: GraphQLInputType): string {
  return String(type);
}

interface Operation {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

function operationsFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, variants: number): Operation[] {
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const operations: Operation[] = [];
  for (let index = 0; index < variants; index++) {
    const inline = index === variants - 1;
    const variant: Variant = { index, full: index % 2 === 1, wrongAt: index === 2 ? 0 : undefined };
    const state = { leaf: 0, depth: 0 };
    const args = field.args.filter((a: GraphQLArgument) => variant.full || isNonNullType(a.type));
    const values = args.map((a) => valueFor(a.type, variant, state));
    if (inline) {
      const argText = args.map((a, i) => `${a.name}: ${literal(values[i], a.type)}`).join(', ');
      operations.push({ label: `${field.name}#inline`, query: `${kind} { ${field.name}${argText ? `(${argText})` : ''}${selection} }`, variables: {} });
    } else {
      const defs = args.map((a, i) => `$v${i}: ${typeName(a.type)}`).join(', ');
      const argText = args.map((a, i) => `${a.name}: $v${i}`).join(', ');
      operations.push({
        label: `${field.name}#${index}`,
        query: `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${argText ? `(${argText})` : ''}${selection} }`,
        variables: Object.fromEntries(values.map((v, i) => [`v${i}`, v])),
      });
    }
  }
  return operations;
}

/** Text that must never reach a client: stack frames, file paths, SQL, PostgreSQL's wording. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>$]+ \(|\bat (async )?\S+:\d+:\d+/],
  ['file path', /\/(work|app|home|usr|tmp|node_modules)\/|[\w-]+\.(ts|js):\d+/],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|WHERE)\b.*\b(FROM|VALUES|SET|AND|=)\b/],
  [
    'PostgreSQL error',
    /syntax for type|violates|duplicate key|relation "|column "|QueryFailedError|invalid byte sequence|out of range for type|date\/time field value|numeric field overflow|pg_|TypeError|ReferenceError|Cannot read prop/i,
  ],
];

interface Finding {
  label: string;
  who: string;
  problem: string;
  sample: string;
}

/** How the calls were answered: data, or the first error's code (printed with the run's figures). */
const outcomes = new Map<string, number>();

function inspect(status: number, text: string, label: string, who: string, findings: Finding[]): void {
  const report = (problem: string): void => {
    findings.push({ label, who, problem, sample: text.slice(0, 400) });
  };
  if (status >= 500) report(`HTTP ${status}`);
  let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[]; error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    report('not JSON');
    return;
  }
  const errors = body.errors ?? (body.error ? [{ message: body.error.message, extensions: { code: body.error.code } }] : []);
  if (status >= 400 && errors.length === 0) report(`HTTP ${status} without an error code`);
  const outcome = errors.length ? String(errors[0].extensions?.code) : 'data';
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') report('error without extensions.code');
    if (code === 'INTERNAL_SERVER_ERROR') report('INTERNAL_SERVER_ERROR');
    const shown = JSON.stringify(error);
    for (const [what, pattern] of LEAKS) if (pattern.test(shown)) report(`shows ${what}`);
  }
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('fuzz: every operation of schema.graphql, anonymously and as each role, with hostile values', () => {
  let api: TestApp;
  const tokens = new Map<string, string | undefined>();
  const accounts = new Map<string, string>();
  let requests = 0;
  /** Each request from another (documentation-range) address through the trusted local proxy, so per-client limits do not end the run. */
  const forwardedFor = () => `203.0.113.${requests % 250}`;
  /** A new session for a role whose session an operation ended (signOut, changePassword), without the rate-limited sign-in. */
  const newSession = async (role: string) => {
    const account = await api.app.get(AccountsService).requireById(accounts.get(role) as string);
    tokens.set(role, (await api.app.get(AuthService).startSession(account)).accessToken);
  };
  beforeAll(async () => {
    // Rate limits stay on (their refusals are answers too); a high ceiling keeps most calls reaching the resolvers.
    api = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: '127.0.0.1' });
    tokens.set('anonymous', undefined);
    for (const role of [Role.SEEKER, Role.EMPLOYER, Role.STAFF, Role.ADMIN]) {
      const signed = await api.signedIn(role, role === Role.STAFF ? '450329' : null);
      tokens.set(role, signed.token);
      accounts.set(role, signed.accountId);
    }
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers every call with a code and nothing internal', async () => {
    const started = Date.now();
    const operations: Operation[] = [];
    for (const [kind, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) operations.push(...operationsFor(kind, field, 5));
    }
    expect(operations.length).toBeGreaterThan(400);
    const calls = operations.flatMap((operation) => [...tokens.keys()].map((who) => ({ operation, who })));
    const findings: Finding[] = [];
    await pool(calls, 4, async ({ operation, who }) => {
      const send = async () => {
        const token = tokens.get(who);
        requests += 1;
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        });
        return { status: response.status, text: await response.text() };
      };
      let { status, text } = await send();
      // An operation that ended the session (signOut, a password change): sign in again and go on.
      if (who !== 'anonymous' && text.includes('"UNAUTHENTICATED"')) {
        await newSession(who);
        ({ status, text } = await send());
      }
      inspect(status, text, operation.label, who, findings);
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${requests} GraphQL requests over ${operations.length / 5} operations in ${seconds.toFixed(1)} s; answers: ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    expect(findings.slice(0, 30)).toEqual([]);
  }, 240_000);

  it("refuses each of the audit's inputs with BAD_USER_INPUT and a Chinese message, before they reach the database", async () => {
    const staff = tokens.get(Role.STAFF);
    const employer = tokens.get(Role.EMPLOYER);
    const cases: [string, string, Record<string, unknown>, string | undefined][] = [
      ['job(id: "x")', '{ job(id: "x") { id } }', {}, undefined],
      ['employer(id) as a variable', 'query($id: ID!) { employer(id: $id) { id } }', { id: 'x' }, undefined],
      ['NUL in a filter', 'query($f: JobSeekerFilter) { jobSeekers(filter: $f) { totalCount } }', { f: { supportGroup: '\u0000' } }, staff],
      [
        '1e-320 as a payment',
        'mutation($i: ConfirmGigPaymentInput!) { confirmGigPayment(input: $i) { id } }',
        { i: { bookingId: '00000000-0000-4000-8000-000000000000', amount: 1e-320, paidAt: '2026-03-01T08:00:00Z' } },
        employer,
      ],
      ['an impossible date', 'query { scanCounts(input: { from: "2026-02-30", to: "2026-03-01" }) { scans } }', {}, staff],
      ['a cursor of [1e999,-1]', 'query($a: String) { gigStations(after: $a) { totalCount } }', { a: b64([1e999, -1]) }, undefined],
      [
        'a cursor of SQL-like text',
        'query($a: String) { monitoredWithoutWork(after: $a) { totalCount } }',
        { a: b64(["x' OR 1=1 --", "'; SELECT 1; --"]) },
        staff,
      ],
      ['a cursor of [1e999,-1] on follow-ups', 'query($a: String) { followUpsDue(after: $a) { totalCount } }', { a: b64([1e999, -1]) }, staff],
    ];
    const findings: Finding[] = [];
    for (const [label, query, variables, token] of cases) {
      requests += 1;
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      inspect(response.status, text, label, token ? 'signed in' : 'anonymous', findings);
      const body = JSON.parse(text) as { errors?: { message: string; extensions: { code: string } }[] };
      const error = body.errors?.[0];
      if (!error || !['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'].includes(error.extensions.code) || !/[\u4e00-\u9fff]/.test(error.message)) {
        findings.push({ label, who: '-', problem: 'not refused as bad input in Chinese', sample: text.slice(0, 300) });
      }
    }
    expect(findings).toEqual([]);
  });

  const post = async (path: string, body: string | Buffer | Uint8Array, headers: Record<string, string>) => {
    requests += 1;
    const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'x-forwarded-for': forwardedFor(), ...headers }, body });
    return { status: response.status, text: await response.text() };
  };

  it('answers malformed protocol requests with a 4xx and a code', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [string, string | Buffer, Record<string, string>][] = [
      ['unknown operationName', JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), json],
      ['two anonymous operations', JSON.stringify({ query: '{ __typename } { __typename }' }), json],
      ['operationName without a match in a 2-operation document', JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), json],
      ['a 900 kB operationName', JSON.stringify({ query: 'query A { __typename }', operationName: 'A'.repeat(900_000) }), json],
      ['a 2 MB body', JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(2_000_000) } }), json],
      ['circular fragments', JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }), json],
      ['a fragment spreading itself', JSON.stringify({ query: '{ ...A } fragment A on Query { __typename ...A }' }), json],
      ['invalid JSON', '{"query": ', json],
      ['query not a string', JSON.stringify({ query: 12 }), json],
      ['variables not an object', JSON.stringify({ query: '{ __typename }', variables: 'x' }), json],
      ['extensions garbage', JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 9, sha256Hash: 'x' } } }), json],
      ['no query', JSON.stringify({}), json],
      ['a batch', JSON.stringify([{ query: '{ __typename }' }]), json],
      ['text/plain', '{ __typename }', { 'content-type': 'text/plain' }],
      ['NUL in the document', JSON.stringify({ query: '{ region(code: "\u0000") { code } }' }), json],
      ['lone surrogate in the document', JSON.stringify({ query: '{ region(code: "\ud800") { code } }' }), json],
      ['a 1 MB ID literal', JSON.stringify({ query: `{ job(id: "${'7'.repeat(900_000)}") { id } }` }), json],
      ['a 1 MB ID variable', JSON.stringify({ query: 'query($id: ID!) { job(id: $id) { id } }', variables: { id: '7'.repeat(900_000) } }), json],
      ['deep nesting', JSON.stringify({ query: `{ ${'region(code: "450329") { parent { '.repeat(40)} code ${'} } '.repeat(40)} }` }), json],
      ['unknown directive', JSON.stringify({ query: '{ __typename @nope }' }), json],
    ];
    const findings: Finding[] = [];
    for (const [label, body, headers] of cases) {
      const { status, text } = await post('/graphql', body, headers);
      if (status < 400) findings.push({ label, who: 'anonymous', problem: `HTTP ${status}, expected a refusal`, sample: text.slice(0, 200) });
      inspect(status, text, label, 'anonymous', findings);
      if (text.length > 20_000) findings.push({ label, who: 'anonymous', problem: `echoes ${text.length} characters`, sample: text.slice(0, 200) });
    }
    expect(findings).toEqual([]);
  });

  it('answers malformed uploads and routes with a 4xx and a code', async () => {
    const staff = tokens.get(Role.STAFF) as string;
    const findings: Finding[] = [];
    const check = (label: string, result: { status: number; text: string }) => {
      if (result.status < 400) findings.push({ label, who: '-', problem: `HTTP ${result.status}, expected a refusal`, sample: result.text.slice(0, 200) });
      inspect(result.status, result.text, label, '-', findings);
    };
    const multipart = (boundary: string, content: Buffer, filename = 'x.pdf') =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const id = '00000000-0000-4000-8000-000000000000';
    check(
      'verify: wrong boundary',
      await post(`/contracts/${id}/verify`, multipart('right', Buffer.from('%PDF-1.4')), { 'content-type': 'multipart/form-data; boundary=wrong' }),
    );
    check('verify: no boundary', await post(`/contracts/${id}/verify`, multipart('right', Buffer.from('%PDF')), { 'content-type': 'multipart/form-data' }));
    check('verify: not a UUID', await post(`/contracts/x/verify`, multipart('b', Buffer.from('%PDF')), { 'content-type': 'multipart/form-data; boundary=b' }));
    check('verify: JSON', await post(`/contracts/${id}/verify`, '{}', { 'content-type': 'application/json' }));
    const auth = { authorization: `Bearer ${staff}` };
    check(
      'import: 1-byte file',
      await post('/seekers/import', multipart('b', Buffer.from('x'), 'a.xlsx'), { ...auth, 'content-type': 'multipart/form-data; boundary=b' }),
    );
    const badZip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    check(
      'import: broken zip',
      await post('/seekers/import', multipart('b', badZip, 'a.xlsx'), { ...auth, 'content-type': 'multipart/form-data; boundary=b' }),
    );
    check(
      'import: wrong boundary',
      await post('/seekers/import', multipart('b', badZip, 'a.xlsx'), { ...auth, 'content-type': 'multipart/form-data; boundary=c' }),
    );
    const { writeXlsxWithBadXml } = await import('./fuzz-files');
    check(
      'import: bad XML inside',
      await post('/seekers/import', multipart('b', await writeXlsxWithBadXml(), 'a.xlsx'), { ...auth, 'content-type': 'multipart/form-data; boundary=b' }),
    );
    for (const path of [
      '/c/x',
      `/c/${'z'.repeat(5000)}`,
      '/c/x/qr.png?size=1e9',
      '/c/x/qr.svg',
      '/c/x/poster.pdf',
      '/contracts/x/pdf',
      '/seekers/export?regionCode=%00',
      '/nope',
    ]) {
      requests += 1;
      const response = await fetch(`${api.url}${path}`, { headers: path.startsWith('/seekers') ? auth : {} });
      const text = await response.text();
      if (response.status >= 500) findings.push({ label: path, who: '-', problem: `HTTP ${response.status}`, sample: text.slice(0, 200) });
      for (const [what, pattern] of LEAKS)
        if (pattern.test(text)) findings.push({ label: path, who: '-', problem: `shows ${what}`, sample: text.slice(0, 200) });
    }
    expect(findings).toEqual([]);
    console.log(`fuzz: ${requests} requests in all`);
  });
});
