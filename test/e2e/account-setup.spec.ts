import { generate } from 'otplib';

import { Role } from '@jobcode/common';

import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken account { setupRequired secondFactorEnabled } } }`;
const ME = `{ me { id mustChangePassword secondFactorEnabled setupRequired } }`;
const CREATE_STAFF = `mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { id } }`;
const CHANGE_PASSWORD = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`;
const START = `mutation { startSecondFactorEnrolment { secret otpauthUri qrSvg } }`;
const CONFIRM = `mutation($i: ConfirmSecondFactorInput!) { confirmSecondFactorEnrolment(input: $i) { secondFactorEnabled setupRequired } }`;
const RESET = `mutation($i: ResetSecondFactorInput!) { resetSecondFactor(input: $i) { secondFactorEnabled } }`;
/** Any ordinary staff operation. */
const WORK = `{ jobSeekers(first: 1) { totalCount } }`;

type SignIn = { signIn: { accessToken: string; account: { setupRequired: string | null; secondFactorEnabled: boolean } } | null };

const codeAt = (secret: string, offsetSeconds = 0, at = Math.floor(Date.now() / 1000)) => generate({ secret, epoch: at + offsetSeconds });

describe('account set-up: a one-time password must be changed first', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('staff created by someone else may only look at themselves, change the password or sign out until they change it', async () => {
    const admin = await api.signedIn(Role.ADMIN);
    const phone = nextPhone();
    await api.gql(CREATE_STAFF, { i: { phone, name: '瓜里乡新干部', password: 'Initial-Passw0rd', role: 'STAFF', regionCode: '450329103' } }, admin.token);
    const signedIn = await api.gql<SignIn>(SIGN_IN, { i: { phone, password: 'Initial-Passw0rd' } });
    const token = signedIn.data!.signIn!.accessToken;
    expect(signedIn.data?.signIn?.account.setupRequired).toBe('PASSWORD_CHANGE');

    const me = await api.gql<{ me: { setupRequired: string } }>(ME, {}, token);
    expect(me.data?.me).toMatchObject({ mustChangePassword: true, setupRequired: 'PASSWORD_CHANGE' });
    const refused = await api.gql(WORK, {}, token);
    expect(refused.errors?.[0]).toMatchObject({
      message: '请先修改初始密码（changePassword），再办理其他业务',
      extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
    });

    // Public operations too: signed in, staff would see more there than anyone else.
    const publicJobs = await api.gql(`{ jobs(first: 1) { totalCount } }`, {}, token);
    expect(publicJobs.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await api.gql(START, {}, token)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SECOND_FACTOR_STATE' });
    const wrongCurrent = await api.gql(CHANGE_PASSWORD, { i: { currentPassword: 'Wrong-Passw0rd', newPassword: 'My-Own-Passw0rd' } }, token);
    expect(wrongCurrent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' });

    // Another API process sees the change on the very next request (no stale session cache).
    const other = await startTestApp({}, { databaseUrl: api.databaseUrl });
    try {
      expect((await other.gql(WORK, {}, token)).errors?.[0].extensions?.reason).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await api.gql(CHANGE_PASSWORD, { i: { currentPassword: 'Initial-Passw0rd', newPassword: 'My-Own-Passw0rd' } }, token)).data).toEqual({
        changePassword: true,
      });
      expect((await other.gql(WORK, {}, token)).errors).toBeUndefined();
    } finally {
      await other.close();
    }
    const after = await api.gql<{ jobSeekers: { totalCount: number } }>(WORK, {}, token);
    expect(after.errors).toBeUndefined();
    expect((await api.gql<{ me: { setupRequired: string | null } }>(ME, {}, token)).data?.me.setupRequired).toBeNull();
  });
});

describe('account set-up: a county that requires staff to use an authenticator app', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ STAFF_SECOND_FACTOR: 'required' });
  });
  afterAll(async () => api?.close());

  it('staff set up an authenticator first, then sign in with its codes; a code is never accepted twice', async () => {
    const staff = await api.signedIn(Role.STAFF, '450329103');
    expect((await api.gql(WORK, {}, staff.token)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });

    const started = await api.gql<{ startSecondFactorEnrolment: { secret: string; otpauthUri: string; qrSvg: string } }>(START, {}, staff.token);
    const { secret, otpauthUri, qrSvg } = started.data!.startSecondFactorEnrolment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);
    const [row] = (await api.dataSource.query('SELECT totp_secret_encrypted FROM account WHERE id = $1', [staff.accountId])) as {
      totp_secret_encrypted: string;
    }[];
    expect(row.totp_secret_encrypted).not.toContain(secret);

    const wrong = await api.gql(
      CONFIRM,
      { i: { currentPassword: TEST_PASSWORD, oneTimeCode: (Number(await codeAt(secret)) ^ 1).toString().padStart(6, '0') } },
      staff.token,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ENROLMENT_CODE' });
    const noPassword = await api.gql(CONFIRM, { i: { currentPassword: 'Not-The-Passw0rd', oneTimeCode: await codeAt(secret) } }, staff.token);
    expect(noPassword.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' });
    // One instant for the codes that follow: the code read twice must be the same code even
    // when the clock crosses a 30-second step between the two reads, and "the next code" is
    // the step after the one used (within the server's one-step tolerance), not 30 s after now.
    const enrolledAt = Math.floor(Date.now() / 1000);
    const used = await codeAt(secret, 0, enrolledAt);
    const confirmed = await api.gql(CONFIRM, { i: { currentPassword: TEST_PASSWORD, oneTimeCode: used } }, staff.token);
    expect(confirmed.data).toEqual({ confirmSecondFactorEnrolment: { secondFactorEnabled: true, setupRequired: null } });
    expect((await api.gql(WORK, {}, staff.token)).errors).toBeUndefined();

    const withoutCode = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } });
    expect(withoutCode.errors?.[0]).toMatchObject({
      message: '此账号已绑定身份验证器：请同时输入验证器上的 6 位动态码',
      extensions: { code: 'UNAUTHENTICATED', reason: 'SECOND_FACTOR_REQUIRED' },
    });
    const reused = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD, oneTimeCode: used } });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_SECOND_FACTOR' });
    expect(reused.errors?.[0].message).toMatch(/^动态码不正确或已经用过，再错 \d 次将锁定/);

    const next = await codeAt(secret, 30, enrolledAt);
    const signedIn = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD, oneTimeCode: next } });
    expect(signedIn.data?.signIn?.account).toEqual({ setupRequired: null, secondFactorEnabled: true });
    const replayed = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD, oneTimeCode: next } });
    expect(replayed.errors?.[0].extensions?.reason).toBe('WRONG_SECOND_FACTOR');

    const events = (await api.dataSource.query(`SELECT kind FROM security_event WHERE account_id = $1 ORDER BY id`, [staff.accountId])) as {
      kind: string;
    }[];
    expect(events.map((e) => e.kind)).toContain('SECOND_FACTOR_ENABLED');
  });

  it('an admin resets a lost authenticator; the account sets one up again before working', async () => {
    const enrolled = async (role: Role, region: string | null) => {
      const account = await api.signedIn(role, region);
      const { secret } = (await api.gql<{ startSecondFactorEnrolment: { secret: string } }>(START, {}, account.token)).data!.startSecondFactorEnrolment;
      await api.gql(CONFIRM, { i: { currentPassword: TEST_PASSWORD, oneTimeCode: await codeAt(secret) } }, account.token);
      return account;
    };
    const admin = await enrolled(Role.ADMIN, null);
    const staff = await enrolled(Role.STAFF, '450329');

    const notAdmin = await api.gql(RESET, { i: { accountId: staff.accountId } }, staff.token);
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(RESET, { i: { accountId: staff.accountId } }, admin.token)).data).toEqual({ resetSecondFactor: { secondFactorEnabled: false } });

    expect((await api.gql(ME, {}, staff.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } });
    expect(again.data?.signIn?.account.setupRequired).toBe('SECOND_FACTOR_ENROLMENT');
  });

  it('seekers and employers are not asked for one', async () => {
    const seeker = await api.signedIn(Role.SEEKER);
    expect((await api.gql<{ me: { setupRequired: string | null } }>(ME, {}, seeker.token)).data?.me.setupRequired).toBeNull();
  });
});
