import { Role } from '@jobcode/common';

import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/** Issue 14, item 4: sessions end at once on every API process. */
describe('ending a session takes effect on every process at once', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const me = (api: TestApp, token: string) => api.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
  const signIn = async (api: TestApp, phone: string, password = TEST_PASSWORD) => {
    const result = await api.gql<{ signIn: { accessToken: string } }>('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { phone, password },
    });
    return result.data?.signIn?.accessToken as string;
  };

  it('refuses a signed-out token on the other process on the very next request', async () => {
    const { token } = await a.signedIn(Role.SEEKER);
    expect((await me(b, token)).data?.me.id).toBeDefined(); // process B has seen the session valid
    expect((await a.gql('mutation { signOut }', {}, token)).data).toEqual({ signOut: true });
    const after = await me(b, token);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0].message).toContain('请重新登录');
  });

  it("ends the account's other sessions when the password changes, and keeps the one that changed it", async () => {
    const { token, phone } = await a.signedIn(Role.EMPLOYER);
    const elsewhere = await signIn(b, phone);
    expect((await me(b, elsewhere)).data?.me.id).toBeDefined();
    const changed = await a.gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
      { i: { currentPassword: TEST_PASSWORD, newPassword: 'N3w-passw0rd-ok' } },
      token,
    );
    expect(changed.data).toEqual({ changePassword: true });
    expect((await me(b, elsewhere)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(a, elsewhere)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(b, token)).data?.me.id).toBeDefined();
  });

  it('stops accepting the token that renewToken replaced, on both processes', async () => {
    const { token } = await a.signedIn(Role.SEEKER);
    expect((await me(b, token)).data?.me.id).toBeDefined();
    const renewed = await a.gql<{ renewToken: { accessToken: string } }>('mutation { renewToken { accessToken } }', {}, token);
    const fresh = renewed.data?.renewToken.accessToken as string;
    expect(fresh).toBeDefined();
    expect((await me(b, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(a, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(b, fresh)).data?.me.id).toBeDefined();
  });
});
