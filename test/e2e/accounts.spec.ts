import { Role } from '@jobcode/common';

import { nextPhone, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { requestCode } from '../support/texted-codes';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken account { id role name phone } } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken expiresAt account { role } } }`;
const ME = `{ me { id role name phone region { code fullName } } }`;
const CREATE_STAFF = `mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { id role phone region { code name } mustChangePassword } }`;

describe('accounts, sign-in and region scope', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('signs up a seeker by phone, texted code and password, who then sees their own full phone in `me`', async () => {
    const phone = nextPhone();
    const code = await requestCode(api, phone, 'SIGN_UP');
    const signUp = await api.gql<{ signUp: { accessToken: string; account: { role: string; phone: string } } }>(SIGN_UP, {
      i: { phone, code, password: TEST_PASSWORD, name: '黄秀梅', role: 'SEEKER' },
    });
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data?.signUp.account).toMatchObject({ role: 'SEEKER', phone });
    const me = await api.gql<{ me: { name: string; phone: string } }>(ME, {}, signUp.data?.signUp.accessToken);
    expect(me.data?.me).toMatchObject({ name: '黄秀梅', phone });

    const signIn = await api.gql<{ signIn: { accessToken: string; account: { role: string } } }>(SIGN_IN, { i: { phone, password: TEST_PASSWORD } });
    expect(signIn.data?.signIn.account.role).toBe('SEEKER');
  });

  it('refuses a second sign-up with the same phone as CONFLICT', async () => {
    const phone = nextPhone();
    await api.gql(SIGN_UP, { i: { phone, code: await requestCode(api, phone, 'SIGN_UP'), password: TEST_PASSWORD, name: '甲', role: 'EMPLOYER' } });
    await api.dataSource.query(`DELETE FROM rate_limit_bucket WHERE key LIKE 'phone-code:p:%'`);
    const again = await api.gql(SIGN_UP, { i: { phone, code: await requestCode(api, phone, 'SIGN_UP'), password: TEST_PASSWORD, name: '乙', role: 'SEEKER' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PHONE_TAKEN' });
    expect(again.errors?.[0].message).toContain('该手机号已注册');
  });

  it('refuses weak passwords, bad phones and self-made staff accounts with a clear reason', async () => {
    const weakPhone = nextPhone();
    const weak = await api.gql(SIGN_UP, {
      i: { phone: weakPhone, code: await requestCode(api, weakPhone, 'SIGN_UP'), password: '12345678', name: '丙', role: 'SEEKER' },
    });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' });
    expect(weak.errors?.[0].message).toContain('字母和数字');

    const badPhone = await api.gql(SIGN_UP, { i: { phone: '12345', code: '123456', password: TEST_PASSWORD, name: '丁', role: 'SEEKER' } });
    expect(badPhone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PHONE' });

    const staff = await api.gql(SIGN_UP, { i: { phone: nextPhone(), code: '123456', password: TEST_PASSWORD, name: '戊', role: 'STAFF' } });
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    expect(staff.errors?.[0].message).toBe('自行注册只能选择求职者或用人单位');
  });

  it('says UNAUTHENTICATED without a token, with a bad token, and after signing out', async () => {
    expect((await api.gql(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await api.gql(ME, {}, 'not-a-token');
    expect(bad.errors?.[0]).toMatchObject({ message: '登录凭证无效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });

    const { token } = await api.signedIn(Role.SEEKER);
    expect((await api.gql(ME, {}, token)).data).toBeTruthy();
    expect((await api.gql(`mutation { signOut }`, {}, token)).data).toEqual({ signOut: true });
    const after = await api.gql(ME, {}, token);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a township worker create staff for a village of their township, and refuses a village of another township', async () => {
    const admin = await api.signedIn(Role.ADMIN);
    const township = await api.gql<{ createStaffAccount: { phone: string; region: { name: string } } }>(
      CREATE_STAFF,
      { i: { phone: nextPhone(), name: '瓜里乡干部', password: TEST_PASSWORD, role: 'STAFF', regionCode: '450329103' } },
      admin.token,
    );
    expect(township.data?.createStaffAccount).toMatchObject({ region: { name: '瓜里乡' }, mustChangePassword: true });

    const worker = await api.signedIn(Role.STAFF, '450329103');
    const inside = await api.gql(
      CREATE_STAFF,
      { i: { phone: nextPhone(), name: '金江村专干', password: TEST_PASSWORD, role: 'STAFF', regionCode: '450329103201' } },
      worker.token,
    );
    expect(inside.errors).toBeUndefined();
    // The phone of someone else's account is masked.
    expect((inside.data as { createStaffAccount: { phone: string } }).createStaffAccount.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const outside = await api.gql(
      CREATE_STAFF,
      { i: { phone: nextPhone(), name: '猴背村专干', password: TEST_PASSWORD, role: 'STAFF', regionCode: '450329202201' } },
      worker.token,
    );
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    expect(outside.errors?.[0].message).toBe('您的管辖范围是资源县瓜里乡，资源县河口瑶族乡猴背村不在其中');

    const adminByStaff = await api.gql(CREATE_STAFF, { i: { phone: nextPhone(), name: '越权', password: TEST_PASSWORD, role: 'ADMIN' } }, worker.token);
    expect(adminByStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const seeker = await api.signedIn(Role.SEEKER);
    const bySeeker = await api.gql(
      CREATE_STAFF,
      { i: { phone: nextPhone(), name: '越权', password: TEST_PASSWORD, role: 'STAFF', regionCode: '450329103' } },
      seeker.token,
    );
    expect(bySeeker.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: '此操作仅限管理员、工作人员使用' });
  });

  it('refuses an unknown region code for a staff account, naming the field', async () => {
    const admin = await api.signedIn(Role.ADMIN);
    const unknown = await api.gql(
      CREATE_STAFF,
      { i: { phone: nextPhone(), name: '某人', password: TEST_PASSWORD, role: 'STAFF', regionCode: '450329999' } },
      admin.token,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION', field: 'regionCode' });
  });

  it('writes sign-ins and refusals to the append-only security log', async () => {
    const { accountId } = await api.signedIn(Role.EMPLOYER);
    const rows: { kind: string }[] = await api.dataSource.query('SELECT kind FROM security_event WHERE account_id = $1', [accountId]);
    expect(rows.map((r) => r.kind)).toContain('SIGN_IN');
    await expect(api.dataSource.query('UPDATE security_event SET kind = $1 WHERE account_id = $2', ['TAMPERED', accountId])).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query('DELETE FROM security_event WHERE account_id = $1', [accountId])).rejects.toThrow(/append-only/);
  });

  it('lists the divisions of the demo county without signing in', async () => {
    const result = await api.gql<{ regions: { code: string; name: string }[] }>(`{ regions(parentCode: "450329") { code name } }`);
    expect(result.data?.regions.map((r) => r.name)).toEqual(['资源镇', '中峰镇', '梅溪镇', '瓜里乡', '车田苗族乡', '两水苗族乡', '河口瑶族乡']);
  });
});
