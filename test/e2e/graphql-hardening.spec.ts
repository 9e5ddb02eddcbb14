import { startTestApp, type TestApp } from '../support/test-app';

describe('GraphQL hardening (OWASP GraphQL cheat sheet, Apollo defaults kept)', () => {
  let api: TestApp;
  let production: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ GRAPHQL_MAX_COST: '50' });
    production = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'production-test-secret-0123456789abcdef',
      PII_ENCRYPTION_KEY: 'c'.repeat(64),
      PII_HASH_KEY: 'd'.repeat(64),
    });
  });
  afterAll(async () => {
    await api?.close();
    await production?.close();
  });

  it('refuses a GET without the preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('apollo-require-preflight');
    const allowed = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a query nested deeper than the limit', async () => {
    let selection = 'name';
    for (let i = 0; i < 11; i++) selection = `parent { ${selection} }`;
    const result = await api.gql(`{ region(code: "450329103201") { ${selection} } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP' });
    expect(result.errors?.[0].message).toContain('超过上限 10 层');
    expect(result.data).toBeUndefined();
  });

  it('refuses an operation whose estimated cost is over the limit, before running it', async () => {
    const aliases = Array.from({ length: 29 }, (_, i) => `r${i}: regions { code }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    expect(result.errors?.[0].message).toContain('请求过于复杂');
  });

  it('in production: no introspection, no "did you mean" suggestions, no stack traces', async () => {
    const introspection = await production.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await production.gql('{ regoins { code } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toContain('stacktrace');
    const suggestions = await api.gql('{ regoins { code } }');
    expect(suggestions.errors?.[0].message).toMatch(/Did you mean "regions"/);
  });

  it('answers a malformed input with BAD_USER_INPUT naming the problem', async () => {
    const result = await api.gql(`mutation { signIn(input: { phone: 138 }) { accessToken } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('request-level input errors', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('answers a variable with an unknown field as BAD_USER_INPUT, not as a server error', async () => {
    const result = await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { phone: '13800000000', password: 'x', extra: 1 } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('extra');
  });

  it('answers missing or ill-typed variables with HTTP 400 and BAD_USER_INPUT naming the variable', async () => {
    for (const [query, variables, named] of [
      ['mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: {} }, '$i'],
      ['query($t: String!) { scan(token: $t) { __typename } }', {}, '$t'],
    ] as const) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toContain(named);
    }
  });
});

describe('no single request holds a process or the pool (issue 14, item 1)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ REQUEST_DEADLINE_MS: '300' });
  });
  afterAll(async () => api?.close());

  it('refuses thousands of aliased root fields before running any of them', async () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `r${i}: regions { code }`).join(' ');
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${aliases} }` }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toMatch(/^(GRAPHQL_PARSE_FAILED|BAD_USER_INPUT)$/);
    const thirtyOne = Array.from({ length: 31 }, (_, i) => `r${i}: regions { code }`).join(' ');
    const refused = await api.gql(`{ ${thirtyOne} }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ROOT_FIELDS' });
    expect(refused.errors?.[0].message).toContain('最多 30 个顶层字段');
    expect(refused.data).toBeUndefined();
  });

  it('counts root fields reached through fragments, and refuses a fragment cycle without a server error', async () => {
    const spread = Array.from({ length: 16 }, (_, i) => `a${i}: regions { code }`).join(' ');
    const viaFragments = await api.gql(`{ ...A ...B } fragment A on Query { ${spread} } fragment B on Query { b: regions { code } ${spread} }`);
    expect(viaFragments.errors?.[0].extensions?.reason).toBe('TOO_MANY_ROOT_FIELDS');
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('fails closed when the cost cannot be estimated (more nodes than the estimator walks)', async () => {
    // 12 levels of fragments, each spreading the next twice: 4,096 copies of the leaf, under the token limit.
    const levels = 13;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Region { code name }` : `fragment F${i} on Region { ...F${i + 1} c${i}: children { code } ...F${i + 1} }`,
    ).join(' ');
    const result = await api.gql(`{ regions { ...F0 } } ${fragments}`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    expect(result.data).toBeUndefined();
  });

  it('starts no root field once the request is past its deadline', async () => {
    // The body arrives 0.5 s after the headers: the deadline (0.3 s from arrival) has passed when execution starts.
    const { request } = await import('node:http');
    const body = JSON.stringify({ query: '{ regions { code } }' });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${api.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => req.end(body), 500);
    });
    const parsed = JSON.parse(answer.text) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(parsed.errors[0].extensions.code).toBe('TIMEOUT');
    expect(parsed.errors[0].message).toContain('请求处理超时');
    expect(parsed.data).toBeNull();
  });

  it('bounds every statement of the API connections with statement_timeout', async () => {
    if (process.env.JOBCODE_TEST_PGLITE === '1') return; // PGlite runs one statement at a time in-process
    const [{ statement_timeout }] = (await api.dataSource.query('SHOW statement_timeout')) as { statement_timeout: string }[];
    expect(statement_timeout).toBe('10s');
  });
});
