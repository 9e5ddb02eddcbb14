import { Role } from '@jobcode/common';

import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/support/test-app';
import { freshClient, requestCode, textedCodeTo } from '../../../../test/support/texted-codes';

const REQUEST = `mutation($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) { sent expiresAt resendAfterSeconds } }`;
const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken account { id role name phone } } }`;
const SIGN_IN_BY_CODE = `mutation($i: SignInWithPhoneCodeInput!) { signInWithPhoneCode(input: $i) { accessToken account { id role name } } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`;

describe('phone codes: sign up, sign in and the limits on texting', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TRUST_PROXY: '127.0.0.1' }); // freshClient() names each client by X-Forwarded-For
  });
  afterAll(async () => api?.close());

  it('refuses a sign-up whose phone was not proven by a texted code', async () => {
    const phone = nextPhone();
    const result = await api.gql(SIGN_UP, { i: { phone, code: '000000', password: TEST_PASSWORD, name: '黄秀梅', role: 'SEEKER' } }, undefined, freshClient());
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_INVALID', field: 'input.code' });
    expect(result.errors?.[0].message).toContain('获取验证码');
    expect(await api.dataSource.query(`SELECT 1 FROM account WHERE name = '黄秀梅'`)).toEqual([]);
  });

  it('signs up without a password by code, then signs in by code; a password sign-in is refused like a wrong one', async () => {
    const phone = nextPhone();
    const code = await requestCode(api, phone, 'SIGN_UP');
    const signUp = await api.gql<{ signUp: { accessToken: string; account: { role: string; name: string; phone: string } } }>(
      SIGN_UP,
      { i: { phone, code, name: '韦小燕', role: 'SEEKER' } },
      undefined,
      freshClient(),
    );
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data?.signUp.account).toMatchObject({ role: 'SEEKER', name: '韦小燕', phone });

    // The same code cannot be used twice.
    const replay = await api.gql(SIGN_UP, { i: { phone, code, name: '韦小燕', role: 'SEEKER' } }, undefined, freshClient());
    expect(replay.errors?.[0].extensions).toMatchObject({ reason: 'CODE_INVALID' });

    const byPassword = await api.gql(SIGN_IN, { i: { phone, password: 'Anything-1' } }, undefined, freshClient());
    expect(byPassword.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' });

    await api.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'phone-code:p:%'`);
    const signInCode = await requestCode(api, phone, 'SIGN_IN');
    const signIn = await api.gql<{ signInWithPhoneCode: { accessToken: string; account: { name: string } } }>(
      SIGN_IN_BY_CODE,
      { i: { phone, code: signInCode } },
      undefined,
      freshClient(),
    );
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data?.signInWithPhoneCode.account.name).toBe('韦小燕');
    const me = await api.gql<{ me: { name: string } }>(`{ me { name } }`, {}, signIn.data?.signInWithPhoneCode.accessToken);
    expect(me.data?.me.name).toBe('韦小燕');

    // Setting a first password needs no current one; then password sign-in works.
    const set = await api.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`,
      { i: { currentPassword: '', newPassword: TEST_PASSWORD } },
      signIn.data?.signInWithPhoneCode.accessToken,
    );
    expect(set.errors).toBeUndefined();
    expect((await api.gql(SIGN_IN, { i: { phone, password: TEST_PASSWORD } }, undefined, freshClient())).errors).toBeUndefined();
  });

  it('answers a code request the same whether or not the phone has an account, and texts both', async () => {
    const registered = (await api.signedIn(Role.SEEKER)).phone;
    const unknown = nextPhone();
    const a = await api.gql<{ requestPhoneCode: { sent: boolean; resendAfterSeconds: number } }>(
      REQUEST,
      { i: { phone: registered, purpose: 'SIGN_IN' } },
      undefined,
      freshClient(),
    );
    const b = await api.gql<{ requestPhoneCode: { sent: boolean; resendAfterSeconds: number } }>(
      REQUEST,
      { i: { phone: unknown, purpose: 'SIGN_IN' } },
      undefined,
      freshClient(),
    );
    expect(a.errors).toBeUndefined();
    expect({ ...a.data?.requestPhoneCode }).toEqual({ ...b.data?.requestPhoneCode, expiresAt: expect.any(String) });
    expect(a.data?.requestPhoneCode).toMatchObject({ sent: true, resendAfterSeconds: 60 });
    expect(await textedCodeTo(api, registered)).toMatch(/^\d{6}$/);
    expect(await textedCodeTo(api, unknown)).toMatch(/^\d{6}$/);

    // Signing in by code with no account says so only to whoever holds the phone's code.
    const noAccount = await api.gql(SIGN_IN_BY_CODE, { i: { phone: unknown, code: await textedCodeTo(api, unknown) } }, undefined, freshClient());
    expect(noAccount.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_ACCOUNT' });
  });

  it('stores only hashes, accepts a code only for its purpose, counts wrong tries and lets codes expire', async () => {
    const { phone } = await api.signedIn(Role.EMPLOYER);
    const code = await requestCode(api, phone, 'SIGN_IN');
    const [row] = (await api.dataSource.query(`SELECT * FROM phone_code ORDER BY created_at DESC LIMIT 1`)) as Record<string, unknown>[];
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(phone);

    // A sign-in code does not sign anybody up.
    const wrongPurpose = await api.gql(SIGN_UP, { i: { phone, code, name: '甲', role: 'SEEKER' } }, undefined, freshClient());
    expect(wrongPurpose.errors?.[0].extensions).toMatchObject({ reason: 'CODE_INVALID' });

    const wrong = code === '111111' ? '222222' : '111111';
    for (let left = 4; left >= 0; left -= 1) {
      const attempt = await api.gql(SIGN_IN_BY_CODE, { i: { phone, code: wrong } }, undefined, freshClient());
      expect(attempt.errors?.[0].extensions).toMatchObject({ reason: 'CODE_INVALID', details: { attemptsLeft: left } });
    }
    const tooLate = await api.gql(SIGN_IN_BY_CODE, { i: { phone, code } }, undefined, freshClient());
    expect(tooLate.errors?.[0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });

    await api.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'phone-code:p:%'`);
    const fresh = await requestCode(api, phone, 'SIGN_IN');
    await api.dataSource.query(`UPDATE phone_code SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND attempts = 0`);
    const expired = await api.gql(SIGN_IN_BY_CODE, { i: { phone, code: fresh } }, undefined, freshClient());
    expect(expired.errors?.[0].extensions).toMatchObject({ reason: 'CODE_EXPIRED' });
    expect(expired.errors?.[0].message).toContain('已过期');
  });

  it('texts one code per phone per minute whatever the client, and at most 20 an hour to one client', async () => {
    const phone = nextPhone();
    await requestCode(api, phone, 'SIGN_UP');
    const again = await api.gql(REQUEST, { i: { phone, purpose: 'SIGN_IN' } }, undefined, freshClient());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_CODES', details: { retryAfterSeconds: expect.any(Number) } });
    expect(again.errors?.[0].message).toContain('太频繁');

    const oneClient = freshClient();
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 21; i += 1) {
      const result = await api.gql(REQUEST, { i: { phone: nextPhone(), purpose: 'SIGN_UP' } }, undefined, oneClient);
      answers.push(result.errors?.[0].extensions?.code);
    }
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(answers[20]).toBe('RATE_LIMITED');
  });

  it('refuses a phone-code sign-in to staff accounts, who use a password', async () => {
    const { phone } = await api.signedIn(Role.STAFF, '450329');
    const code = await requestCode(api, phone, 'SIGN_IN');
    const result = await api.gql(SIGN_IN_BY_CODE, { i: { phone, code } }, undefined, freshClient());
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PHONE_CODE_SIGN_IN_NOT_ALLOWED' });
  });

  it('refuses a phone-code sign-in to an account with an authenticator, which signs in with password and its code', async () => {
    const { phone, accountId } = await api.signedIn(Role.EMPLOYER);
    await api.dataSource.query(`UPDATE account SET totp_enabled_at = now() WHERE id = $1`, [accountId]);
    const code = await requestCode(api, phone, 'SIGN_IN');
    const result = await api.gql(SIGN_IN_BY_CODE, { i: { phone, code } }, undefined, freshClient());
    expect(result.errors?.[0]).toMatchObject({
      message: '此账号已绑定身份验证器：请用手机号 + 密码和验证器上的动态码登录',
      extensions: { code: 'FORBIDDEN', reason: 'PHONE_CODE_SIGN_IN_NOT_ALLOWED', field: 'input.phone' },
    });
  });
});
