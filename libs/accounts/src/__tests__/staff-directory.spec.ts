import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { idNumberFor, REGISTER, registration } from '../../../../test/builders/job-seeker.builder';

const STAFF_ACCOUNTS = `query($first: Int, $after: String, $regionCode: String) {
  staffAccounts(first: $first, after: $after, regionCode: $regionCode) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name role phone region { code } secondFactorEnabled lastSignInAt disabled } }
  }
}`;
const SECURITY_LOG = `query($first: Int, $after: String, $kind: SecurityLogKind, $accountId: ID) {
  securityLog(first: $first, after: $after, kind: $kind, accountId: $accountId) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at kind accountId accountName accountRole accountRegion { code } detail } }
  }
}`;

interface StaffPage {
  staffAccounts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Record<string, unknown> & { name: string } }[];
  };
}
interface LogPage {
  securityLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; kind: string; accountName: string | null; detail: string; at: string } }[];
  };
}

describe('staff accounts and the security log', () => {
  let api: TestApp;
  let admin: { token: string; accountId: string };
  let county: { token: string; accountId: string; phone: string };
  let township: { token: string; accountId: string };

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.signedIn(Role.ADMIN, null, '系统管理员甲');
    county = await api.signedIn(Role.STAFF, '450329', '县就业股乙');
    township = await api.signedIn(Role.STAFF, '450329103', '瓜里乡丙');
    await api.signedIn(Role.STAFF, '450329103201', '金江村丁');
    await api.signedIn(Role.STAFF, '450329101', '中峰镇戊');
    await api.signedIn(Role.SEEKER, null, '求职者庚');
    // A wrong password, then a full ID number read by the county officer.
    await api.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { phone: county.phone, password: 'wrong-password-1' } });
    const person = await api.gql<{ registerJobSeeker: { id: string } }>(
      REGISTER,
      { input: registration({ name: '黄秀兰', idNumber: idNumberFor('19800202', 2) }) },
      county.token,
    );
    if (person.errors) throw new Error(JSON.stringify(person.errors));
    const read = await api.gql(
      `query($id: ID!) { jobSeeker(id: $id) { idNumber(full: true, purpose: "办理补贴") } }`,
      { id: person.data!.registerJobSeeker.id },
      county.token,
    );
    if (read.errors) throw new Error(JSON.stringify(read.errors));
  }, 180_000);
  afterAll(async () => api?.close());

  it('an admin sees every staff and admin account, with role, region, authenticator and last sign-in, never seekers', async () => {
    const all = await api.gql<StaffPage>(STAFF_ACCOUNTS, {}, admin.token);
    expect(all.errors).toBeUndefined();
    const names = all.data!.staffAccounts.edges.map((edge) => edge.node.name);
    expect(names).toEqual(expect.arrayContaining(['系统管理员甲', '县就业股乙', '瓜里乡丙', '金江村丁', '中峰镇戊']));
    expect(names).not.toContain('求职者庚');
    const officer = all.data!.staffAccounts.edges.find((edge) => edge.node.name === '县就业股乙')!.node;
    expect(officer).toMatchObject({
      role: 'STAFF',
      region: { code: '450329' },
      secondFactorEnabled: false,
      disabled: false,
      phone: county.phone,
    });
    expect(typeof officer.lastSignInAt).toBe('string');
  });

  it('a county officer sees the county, a township officer the township; phones masked; pages do not repeat', async () => {
    const countyList = await api.gql<StaffPage>(STAFF_ACCOUNTS, { first: 2 }, county.token);
    expect(countyList.data!.staffAccounts.totalCount).toBe(4);
    const seen = countyList.data!.staffAccounts.edges.map((edge) => edge.node.name);
    let after = countyList.data!.staffAccounts.pageInfo.endCursor;
    while (after) {
      const next = await api.gql<StaffPage>(STAFF_ACCOUNTS, { first: 2, after }, county.token);
      seen.push(...next.data!.staffAccounts.edges.map((edge) => edge.node.name));
      after = next.data!.staffAccounts.pageInfo.hasNextPage ? next.data!.staffAccounts.pageInfo.endCursor : null;
    }
    expect(seen).toEqual(['县就业股乙', '中峰镇戊', '瓜里乡丙', '金江村丁']);
    const first = countyList.data!.staffAccounts.edges[1].node;
    expect(first.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const townshipList = await api.gql<StaffPage>(STAFF_ACCOUNTS, {}, township.token);
    expect(townshipList.data!.staffAccounts.edges.map((edge) => edge.node.name)).toEqual(['瓜里乡丙', '金江村丁']);
    const outside = await api.gql(STAFF_ACCOUNTS, { regionCode: '450329101' }, township.token);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });

  it('an admin reads the security log newest first: sign-ins, failures and full personal-data reads, in words', async () => {
    const log = await api.gql<LogPage>(SECURITY_LOG, { first: 100 }, admin.token);
    expect(log.errors).toBeUndefined();
    const entries = log.data!.securityLog.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['SIGN_IN', 'SIGN_IN_FAILED', 'PERSONAL_DATA_READ']));
    const times = entries.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const read = entries.find((entry) => entry.kind === 'PERSONAL_DATA_READ')!;
    expect(read).toMatchObject({ accountName: '县就业股乙' });
    expect(read.detail).toMatch(/^查看求职者的完整身份证号.*用途：办理补贴/);
    expect(read.detail).not.toContain(idNumberFor('19800202', 2));
    const failed = entries.find((entry) => entry.kind === 'SIGN_IN_FAILED')!;
    expect(failed).toMatchObject({ accountName: '县就业股乙', detail: '密码或动态码错误（近期第 1 次）' });

    // Paged by one: every entry once, in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: LogPage | null } = await api.gql<LogPage>(SECURITY_LOG, { first: 3, after }, admin.token);
      paged.push(...page.data!.securityLog.edges.map((edge) => edge.node.id));
      after = page.data!.securityLog.pageInfo.hasNextPage ? page.data!.securityLog.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(entries.map((entry) => entry.id));

    const onlyReads = await api.gql<LogPage>(SECURITY_LOG, { kind: 'PERSONAL_DATA_READ', accountId: county.accountId }, admin.token);
    expect(onlyReads.data!.securityLog.totalCount).toBeGreaterThanOrEqual(1);
    expect(new Set(onlyReads.data!.securityLog.edges.map((edge) => edge.node.kind))).toEqual(new Set(['PERSONAL_DATA_READ']));
  });

  it('deny by default: the log is for admins only; the account list for staff and admins only', async () => {
    const seeker = await api.signedIn(Role.SEEKER, null);
    const employer = await api.signedIn(Role.EMPLOYER, null);
    for (const token of [county.token, township.token, seeker.token, employer.token]) {
      const refused = await api.gql(SECURITY_LOG, {}, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    for (const token of [seeker.token, employer.token]) {
      expect((await api.gql(STAFF_ACCOUNTS, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    for (const query of [SECURITY_LOG, STAFF_ACCOUNTS]) {
      expect((await api.gql(query, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
