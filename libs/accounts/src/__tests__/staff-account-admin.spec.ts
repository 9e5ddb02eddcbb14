import { randomUUID } from 'node:crypto';

import { type Actor, Role } from '@jobcode/common';

import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/support/test-app';
import { StaffAccountAdminService } from '../staff-account-admin.service';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { accessToken account { mustChangePassword setupRequired } } }`;
const SET_DISABLED = `mutation($i: SetAccountDisabledInput!) { setAccountDisabled(input: $i) { id disabled } }`;
const RESET_PASSWORD = `mutation($i: ResetStaffPasswordInput!) { resetStaffPassword(input: $i) { id mustChangePassword setupRequired } }`;
const ME = `query { me { id disabled } }`;
const SET_REGION = `mutation($i: SetStaffRegionInput!) { setStaffRegion(input: $i) { id region { code } } }`;
const LOG = `query($kind: SecurityLogKind) { securityLog(first: 5, kind: $kind) { edges { node { kind accountName detail } } } }`;

interface SignIn {
  signIn: { accessToken: string; account: { mustChangePassword: boolean; setupRequired: string | null } } | null;
}

describe('an admin stops, takes back and gives a temporary password to a colleague’s account', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('stops an account: its sessions end at once, it cannot sign in; taken back, it signs in again', async () => {
    const admin = await api.signedIn(Role.ADMIN, null, '管理员韦');
    const staff = await api.signedIn(Role.STAFF, '450329103', '瓜里乡蒋');
    expect((await api.gql(ME, {}, staff.token)).errors).toBeUndefined();

    const stopped = await api.gql<{ setAccountDisabled: { disabled: boolean } }>(
      SET_DISABLED,
      { i: { accountId: staff.accountId, disabled: true } },
      admin.token,
    );
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data?.setAccountDisabled.disabled).toBe(true);
    expect((await api.gql(ME, {}, staff.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } });
    expect(refused.errors?.[0].message).toBe('该账号已停用，请联系管理员');

    const log = await api.gql<{ securityLog: { edges: { node: { kind: string; accountName: string; detail: string } }[] } }>(
      LOG,
      { kind: 'ACCOUNT_DISABLED' },
      admin.token,
    );
    expect(log.data?.securityLog.edges[0].node).toEqual({
      kind: 'ACCOUNT_DISABLED',
      accountName: '管理员韦',
      detail: '停用了瓜里乡蒋（工作人员）的账号，结束其 1 个登录',
    });

    // Stopping it again changes nothing and logs nothing more.
    await api.gql(SET_DISABLED, { i: { accountId: staff.accountId, disabled: true } }, admin.token);
    expect((await api.gql<typeof log.data>(LOG, { kind: 'ACCOUNT_DISABLED' }, admin.token)).data?.securityLog.edges).toHaveLength(1);

    const back = await api.gql<{ setAccountDisabled: { disabled: boolean } }>(
      SET_DISABLED,
      { i: { accountId: staff.accountId, disabled: false } },
      admin.token,
    );
    expect(back.data?.setAccountDisabled.disabled).toBe(false);
    // The sessions that ended with the stop stay ended; a new sign-in works.
    expect((await api.gql(ME, {}, staff.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } })).data?.signIn?.accessToken).toEqual(expect.any(String));
    expect((await api.gql<typeof log.data>(LOG, { kind: 'ACCOUNT_ENABLED' }, admin.token)).data?.securityLog.edges[0].node.detail).toBe(
      '恢复了瓜里乡蒋（工作人员）的账号',
    );
  });

  it('gives a temporary password: the old one stops working, sessions end, and the next sign-in must change it first', async () => {
    const admin = await api.signedIn(Role.ADMIN, null, '管理员覃');
    const staff = await api.signedIn(Role.STAFF, '450329', '县就业股黄');

    const weak = await api.gql(RESET_PASSWORD, { i: { accountId: staff.accountId, password: 'abcdefgh' } }, admin.token);
    expect(weak.errors?.[0]).toMatchObject({ message: '密码不符合要求：需要同时包含字母和数字', extensions: { code: 'BAD_USER_INPUT' } });

    const reset = await api.gql<{ resetStaffPassword: { mustChangePassword: boolean } }>(
      RESET_PASSWORD,
      { i: { accountId: staff.accountId, password: 'Linshi2026' } },
      admin.token,
    );
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetStaffPassword.mustChangePassword).toBe(true);
    expect((await api.gql(ME, {}, staff.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: 'Linshi2026' } });
    expect(signedIn.data?.signIn?.account).toEqual({ mustChangePassword: true, setupRequired: 'PASSWORD_CHANGE' });
    const log = await api.gql<{ securityLog: { edges: { node: { detail: string } }[] } }>(LOG, { kind: 'PASSWORD_RESET' }, admin.token);
    expect(log.data?.securityLog.edges[0].node.detail).toBe('为县就业股黄（工作人员）设了临时密码，结束其 1 个登录');
  });

  it('moves a staff member to another township: sessions end, and the next sign-in works in the new area only', async () => {
    const admin = await api.signedIn(Role.ADMIN, null, '管理员黄');
    const staff = await api.signedIn(Role.STAFF, '450329103', '调岗的莫');
    const moved = await api.gql<{ setStaffRegion: { region: { code: string } } }>(
      SET_REGION,
      { i: { accountId: staff.accountId, regionCode: '450329101' } },
      admin.token,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.setStaffRegion.region.code).toBe('450329101');
    expect((await api.gql(ME, {}, staff.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await api.gql<{ signIn: { accessToken: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { phone: staff.phone, password: TEST_PASSWORD },
    });
    const token = again.data!.signIn.accessToken;
    const regionOf = `query { staffAccounts(first: 100) { edges { node { id region { code } } } } }`;
    const seen = await api.gql<{ staffAccounts: { edges: { node: { id: string; region: { code: string } } }[] } }>(regionOf, {}, token);
    expect(seen.data?.staffAccounts.edges.map((e) => e.node.region.code).every((code) => code.startsWith('450329101'))).toBe(true);
    const log = await api.gql<{ securityLog: { edges: { node: { detail: string } }[] } }>(LOG, { kind: 'REGION_CHANGED' }, admin.token);
    expect(log.data?.securityLog.edges[0].node.detail).toBe('把调岗的莫（工作人员）的管辖区域从资源县瓜里乡调整为资源县中峰镇，结束其 1 个登录');

    const adminTarget = await api.gql(SET_REGION, { i: { accountId: admin.accountId, regionCode: '450329101' } }, admin.token);
    expect(adminTarget.errors?.[0]).toMatchObject({ message: '管理员账号不设管辖区域', extensions: { code: 'BAD_USER_INPUT' } });
    const nowhere = await api.gql(SET_REGION, { i: { accountId: staff.accountId, regionCode: '110101' } }, admin.token);
    expect(nowhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.regionCode' });
    expect((await api.gql(SET_REGION, { i: { accountId: staff.accountId, regionCode: '450329' } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('two admins acting on each other at the same moment: one of them stays, able to sign in and take the other back', async () => {
    // Through the service, past the session check, so that only the lock decides.
    const service = api.app.get(StaffAccountAdminService);
    const asActor = (accountId: string): Actor => ({ accountId, role: Role.ADMIN, regionCode: null, sessionId: randomUUID() });
    for (const second of [
      (first: string, other: string) => service.setDisabled(asActor(other), first, true),
      (first: string, other: string) => service.resetPassword(asActor(other), first, 'Linshi2026'),
    ]) {
      const first = await api.signedIn(Role.ADMIN, null, '管理员甲');
      const other = await api.signedIn(Role.ADMIN, null, '管理员乙');
      const results = await Promise.allSettled([
        service.setDisabled(asActor(first.accountId), other.accountId, true),
        second(first.accountId, other.accountId),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const [{ n }] = (await api.dataSource.query(
        `SELECT count(*)::int AS n FROM account WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL AND NOT must_change_password`,
        [[first.accountId, other.accountId]],
      )) as { n: number }[];
      expect(n).toBe(1);
    }
  });

  it('a temporary password lifts a lock-out from wrong passwords at once', async () => {
    const admin = await api.signedIn(Role.ADMIN, null, '管理员韩');
    const staff = await api.signedIn(Role.STAFF, '450329103', '忘了密码的韦');
    for (let i = 0; i < 5; i++) await api.gql(SIGN_IN, { i: { phone: staff.phone, password: `Wrong-${i}-pass` } });
    expect((await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: TEST_PASSWORD } })).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await api.gql(RESET_PASSWORD, { i: { accountId: staff.accountId, password: 'Linshi2026' } }, admin.token)).errors).toBeUndefined();
    expect((await api.gql<SignIn>(SIGN_IN, { i: { phone: staff.phone, password: 'Linshi2026' } })).data?.signIn?.account.mustChangePassword).toBe(true);
  });

  it('is for admins, on staff and admin accounts other than one’s own', async () => {
    const admin = await api.signedIn(Role.ADMIN, null, '管理员陆');
    const county = await api.signedIn(Role.STAFF, '450329', '县就业股莫');
    const village = await api.signedIn(Role.STAFF, '450329103201', '金江村蓝');
    const seeker = await api.signedIn(Role.SEEKER, null, '求职者');

    expect((await api.gql(SET_DISABLED, { i: { accountId: village.accountId, disabled: true } }, county.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(RESET_PASSWORD, { i: { accountId: village.accountId, password: 'Linshi2026' } }, county.token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(SET_DISABLED, { i: { accountId: admin.accountId, disabled: true } }, admin.token)).errors?.[0]).toMatchObject({
      message: '不能停用自己的账号',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await api.gql(RESET_PASSWORD, { i: { accountId: admin.accountId, password: 'Linshi2026' } }, admin.token)).errors?.[0]).toMatchObject({
      message: '修改自己的密码请用“修改密码”',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    for (const accountId of [seeker.accountId, '00000000-0000-4000-8000-000000000000']) {
      expect((await api.gql(SET_DISABLED, { i: { accountId, disabled: true } }, admin.token)).errors?.[0]).toMatchObject({
        message: '没有这个工作人员或管理员账号',
        extensions: { code: 'NOT_FOUND' },
      });
      expect((await api.gql(RESET_PASSWORD, { i: { accountId, password: 'Linshi2026' } }, admin.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await api.gql(SET_DISABLED, { i: { accountId: 'abc', disabled: true } }, admin.token)).errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^编号格式不对/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await api.gql(ME, {}, seeker.token)).errors).toBeUndefined();
  });
});
