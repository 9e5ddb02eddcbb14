import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { employerInput, REGISTER_EMPLOYER, validCreditCode, verifiedEmployer } from '../../../../test/builders/employer.builder';

const UPDATE = `mutation($input: UpdateEmployerInput!) {
  updateEmployer(input: $input) { id name creditCode status rejectionReason address legalRepresentative contactName contactPhone region { code } }
}`;
const ACCOUNTS = `query($employerId: ID!) { employerAccounts(employerId: $employerId) { accountId name phone isAdmin secondFactorEnabled disabled } }`;
const LINK = `mutation($input: LinkEmployerAccountInput!) { linkEmployerAccount(input: $input) { id } }`;

describe('a company keeps its own details and sees its accounts', () => {
  let api: TestApp;
  let county: string;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
  });
  afterAll(async () => api?.close());

  it('its administrator changes the legal representative, address and contact; the verified name and credit code stay locked', async () => {
    const company = await verifiedEmployer(api, county);
    const changed = await api.gql<{ updateEmployer: Record<string, unknown> }>(
      UPDATE,
      {
        input: {
          employerId: company.employerId,
          legalRepresentative: '蒋国强',
          address: '资源县瓜里乡金江村 3 组',
          contactName: '蒋秀梅',
          contactPhone: '13977330001',
        },
      },
      company.token,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateEmployer).toMatchObject({
      status: 'VERIFIED',
      legalRepresentative: '蒋国强',
      address: '资源县瓜里乡金江村 3 组',
      contactName: '蒋秀梅',
      contactPhone: '13977330001',
    });

    const locked = await api.gql(UPDATE, { input: { employerId: company.employerId, creditCode: validCreditCode() } }, company.token);
    expect(locked.errors?.[0]).toMatchObject({
      message: '统一社会信用代码已经县人社局审核，不能自行修改；如需更改，请带营业执照到县人社局办理',
      extensions: { code: 'FORBIDDEN', reason: 'VERIFIED_FIELD_LOCKED', field: 'input.creditCode' },
    });
    const renamed = await api.gql(UPDATE, { input: { employerId: company.employerId, name: '另一家合作社' } }, company.token);
    expect(renamed.errors?.[0].extensions).toMatchObject({ reason: 'VERIFIED_FIELD_LOCKED', field: 'input.name' });
    // Sending the verified values unchanged is not a change.
    const [{ credit_code: creditCode, name }] = (await api.dataSource.query(`SELECT credit_code, name FROM employer WHERE id = $1`, [company.employerId])) as {
      credit_code: string;
      name: string;
    }[];
    const same = await api.gql(UPDATE, { input: { employerId: company.employerId, creditCode, name, address: '资源县瓜里乡金江村 4 组' } }, company.token);
    expect(same.errors).toBeUndefined();
  });

  it('refuses a bad phone or credit code at its field, in Chinese', async () => {
    const company = await verifiedEmployer(api, county);
    const phone = await api.gql(UPDATE, { input: { employerId: company.employerId, contactPhone: '12345' } }, company.token);
    expect(phone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactPhone' });
    expect(phone.errors?.[0].message).toMatch(/手机号/);
  });

  it('a rejected company corrects its credit code and goes back to the review queue', async () => {
    const company = await verifiedEmployer(api, county, {}, false);
    await api.gql(
      `mutation($input: RejectEmployerInput!) { rejectEmployer(input: $input) { status } }`,
      { input: { employerId: company.employerId, reason: '信用代码与营业执照不一致' } },
      county,
    );
    const code = validCreditCode();
    const corrected = await api.gql<{ updateEmployer: Record<string, unknown> }>(
      UPDATE,
      { input: { employerId: company.employerId, creditCode: code.toLowerCase() } },
      company.token,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.updateEmployer).toMatchObject({ creditCode: code, status: 'PENDING', rejectionReason: null });
  });

  it('a rejected company that corrects only its contact goes back to the review queue too', async () => {
    const company = await verifiedEmployer(api, county, {}, false);
    await api.gql(
      `mutation($input: RejectEmployerInput!) { rejectEmployer(input: $input) { status } }`,
      { input: { employerId: company.employerId, reason: '联系电话打不通，请核对' } },
      county,
    );
    const corrected = await api.gql<{ updateEmployer: Record<string, unknown> }>(
      UPDATE,
      { input: { employerId: company.employerId, contactPhone: '13977330002' } },
      company.token,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.updateEmployer).toMatchObject({ contactPhone: '13977330002', status: 'PENDING', rejectionReason: null });
  });

  it('refuses another company, a colleague who is not the administrator, and staff', async () => {
    const company = await verifiedEmployer(api, county);
    const stranger = await verifiedEmployer(api, county);
    const other = await api.gql(UPDATE, { input: { employerId: company.employerId, address: '别处' } }, stranger.token);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'EMPLOYER_NOT_FOUND' });
    expect((await api.gql(ACCOUNTS, { employerId: company.employerId }, stranger.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const colleague = await api.signedIn(Role.EMPLOYER, null, '蒋小红');
    expect((await api.gql(LINK, { input: { employerId: company.employerId, accountPhone: colleague.phone } }, company.token)).errors).toBeUndefined();
    const byColleague = await api.gql(UPDATE, { input: { employerId: company.employerId, address: '资源县瓜里乡' } }, colleague.token);
    expect(byColleague.errors?.[0]).toMatchObject({
      message: '只有本单位的管理员才能修改单位信息、添加账号；请联系单位管理员',
      extensions: { code: 'FORBIDDEN', reason: 'NOT_COMPANY_ADMIN' },
    });
    const third = await api.signedIn(Role.EMPLOYER);
    const linkByColleague = await api.gql(LINK, { input: { employerId: company.employerId, accountPhone: third.phone } }, colleague.token);
    expect(linkByColleague.errors?.[0].extensions?.reason).toBe('NOT_COMPANY_ADMIN');

    const staff = await api.gql(UPDATE, { input: { employerId: company.employerId, address: '资源县瓜里乡' } }, county);
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the company’s accounts, administrator first, phones masked, to its members and staff of the region only', async () => {
    const company = await verifiedEmployer(api, county);
    const colleague = await api.signedIn(Role.EMPLOYER, null, '蒋小红');
    await api.gql(LINK, { input: { employerId: company.employerId, accountPhone: colleague.phone } }, company.token);
    const seen = await api.gql<{ employerAccounts: Record<string, unknown>[] }>(ACCOUNTS, { employerId: company.employerId }, colleague.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.employerAccounts).toEqual([
      {
        accountId: company.accountId,
        name: '单位联系人',
        phone: expect.stringMatching(/^139\*{4}\d{4}$/),
        isAdmin: true,
        secondFactorEnabled: false,
        disabled: false,
      },
      {
        accountId: colleague.accountId,
        name: '蒋小红',
        phone: `${colleague.phone.slice(0, 3)}****${colleague.phone.slice(7)}`,
        isAdmin: false,
        secondFactorEnabled: false,
        disabled: false,
      },
    ]);
    expect((await api.gql(ACCOUNTS, { employerId: company.employerId }, county)).errors).toBeUndefined();
    const elsewhere = (await api.signedIn(Role.STAFF, '450329101')).token;
    expect((await api.gql(ACCOUNTS, { employerId: company.employerId }, elsewhere)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const seeker = (await api.signedIn(Role.SEEKER)).token;
    expect((await api.gql(ACCOUNTS, { employerId: company.employerId }, seeker)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('makes the first account staff link to a company they registered its administrator', async () => {
    const village = (await api.signedIn(Role.STAFF, '450329103201')).token;
    const created = await api.gql<{ registerEmployer: { id: string } }>(REGISTER_EMPLOYER, { input: employerInput() }, village);
    const employerId = created.data!.registerEmployer.id;
    const first = await api.signedIn(Role.EMPLOYER);
    const second = await api.signedIn(Role.EMPLOYER);
    await api.gql(LINK, { input: { employerId, accountPhone: first.phone } }, village);
    await api.gql(LINK, { input: { employerId, accountPhone: second.phone } }, village);
    const seen = await api.gql<{ employerAccounts: { accountId: string; isAdmin: boolean }[] }>(ACCOUNTS, { employerId }, first.token);
    expect(seen.data?.employerAccounts.map((a) => [a.accountId, a.isAdmin])).toEqual([
      [first.accountId, true],
      [second.accountId, false],
    ]);
  });
});
