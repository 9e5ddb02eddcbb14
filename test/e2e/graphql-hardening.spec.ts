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
    expect(result.errors?.[0].message).toMatch(/exceeds maximum operation depth/);
    expect(result.data).toBeUndefined();
  });

  it('refuses an operation whose estimated cost is over the limit, before running it', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `r${i}: regions { code }`).join(' ');
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
