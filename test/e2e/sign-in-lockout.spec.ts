import { AccountsService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';

import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe('failed sign-ins lock the account (MLPS 2.0), counted one by one', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('counts 100 aliased attempts in one request as 100: four refusals, then locked', async () => {
    const phone = nextPhone();
    await api.app.get(AccountsService).create({ role: Role.SEEKER, phone, password: TEST_PASSWORD, name: '被猜密码的人' });
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: signIn(input: { phone: "${phone}", password: "wrong-${i}1" }) { accessToken }`).join('\n');
    const result = await api.gql(`mutation { ${aliases} }`);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toHaveLength(100);
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('UNAUTHENTICATED'));
    expect(codes.slice(4)).toEqual(Array(96).fill('RATE_LIMITED'));
    expect(result.errors?.[0].message).toContain('再错 4 次账号将锁定');
    expect(result.errors?.[4].message).toContain('账号已锁定');

    // While locked, even the right password is refused.
    const right = await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { phone, password: TEST_PASSWORD } });
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

    const [{ locks }] = await api.dataSource.query(`SELECT count(*)::int AS locks FROM security_event WHERE kind = 'ACCOUNT_LOCKED'`);
    expect(locks).toBe(1);
  });
});
