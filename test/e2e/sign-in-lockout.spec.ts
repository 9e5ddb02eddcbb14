import { AccountsService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';

import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe('failed sign-ins lock the account for the client that failed (MLPS 2.0), counted one by one', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('counts 30 aliased attempts in one request as 30: four refusals, then locked', async () => {
    const phone = nextPhone();
    await api.app.get(AccountsService).create({ role: Role.SEEKER, phone, password: TEST_PASSWORD, name: '被猜密码的人' });
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: signIn(input: { phone: "${phone}", password: "wrong-${i}1" }) { accessToken }`).join('\n');
    const result = await api.gql(`mutation { ${aliases} }`);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toHaveLength(30);
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('UNAUTHENTICATED'));
    expect(codes.slice(4)).toEqual(Array(26).fill('RATE_LIMITED'));
    expect(result.errors?.[0].message).toContain('再错 4 次将锁定');
    expect(result.errors?.[4].message).toContain('已暂停从此处登录该账号');

    // While locked, even the right password is refused.
    const right = await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { phone, password: TEST_PASSWORD } });
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

    const [{ locks }] = await api.dataSource.query(`SELECT count(*)::int AS locks FROM security_event WHERE kind = 'ACCOUNT_LOCKED'`);
    expect(locks).toBe(1);
  });
});

/** Issue 14, item 3: the client address is the TCP peer unless a proxy is trusted, and a stranger cannot lock the owner out. */
describe('rate limits and the lock-out count the real client', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await startTestApp();
    proxied = await startTestApp({ TRUST_PROXY: '127.0.0.1' }, { databaseUrl: direct.databaseUrl });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
  });

  const signIn = (api: TestApp, phone: string, password: string, from?: string) =>
    api.gql<{ signIn: { accessToken: string } | null }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { phone, password } },
      undefined,
      from ? { 'x-forwarded-for': from } : {},
    );

  it('ignores X-Forwarded-For without TRUST_PROXY: rotating it does not get round a per-client limit', async () => {
    // signUp allows 10 per client in 10 minutes; each attempt here claims another forwarded address.
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i++) {
      const result = await direct.gql(
        'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
        { i: { name: '试', password: 'x', phone: 'not-a-phone', code: '000000', role: 'SEEKER' } },
        undefined,
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      codes.push(result.errors?.[0].extensions?.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('BAD_USER_INPUT'));
    expect(codes[10]).toBe('RATE_LIMITED');
  });

  it('without TRUST_PROXY, a rotated X-Forwarded-For does not reset the sign-in count either', async () => {
    const phone = nextPhone();
    await direct.app.get(AccountsService).create({ role: Role.STAFF, phone, password: TEST_PASSWORD, name: '工作人员', regionCode: '450329' });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) codes.push((await signIn(direct, phone, `wrong-${i}1`, `198.51.100.${i + 1}`)).errors?.[0].extensions?.code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // The same machine with the right password and yet another forwarded address: still locked for this client.
    expect((await signIn(direct, phone, TEST_PASSWORD, '198.51.100.77')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('lets the owner sign in from their own address while a stranger who guessed wrong is locked out', async () => {
    const phone = nextPhone();
    await direct.app.get(AccountsService).create({ role: Role.STAFF, phone, password: TEST_PASSWORD, name: '工作人员', regionCode: '450329' });
    for (let i = 0; i < 6; i++) await signIn(proxied, phone, `guess-${i}1`, '203.0.113.66');
    const stranger = await signIn(proxied, phone, TEST_PASSWORD, '203.0.113.66');
    expect(stranger.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(stranger.errors?.[0].message).toContain('已暂停从此处登录该账号');
    const owner = await signIn(proxied, phone, TEST_PASSWORD, '203.0.113.10');
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.signIn?.accessToken).toBeDefined();
  });

  it('paces an account guessed at from many addresses instead of locking it', async () => {
    const phone = nextPhone();
    await direct.app.get(AccountsService).create({ role: Role.SEEKER, phone, password: TEST_PASSWORD, name: '求职者' });
    // 4 × 5 failures from 5 addresses: every address locked, the account now paced.
    for (let a = 0; a < 5; a++) for (let i = 0; i < 4; i++) await signIn(proxied, phone, `spray-${a}-${i}1`, `203.0.113.${100 + a}`);
    const first = await signIn(proxied, phone, TEST_PASSWORD, '203.0.113.200');
    const second = await signIn(proxied, phone, TEST_PASSWORD, '203.0.113.201');
    // One check per pace window: whichever came second in it is asked to wait, with the reason.
    const paced = [first, second].find((r) => r.errors?.length);
    const passed = [first, second].find((r) => r.data?.signIn);
    expect(passed?.data?.signIn?.accessToken).toBeDefined();
    expect(paced?.errors?.[0].message).toContain('只能尝试一次');
  });
});
