import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { employerInput, REGISTER_EMPLOYER, validCreditCode, verifiedEmployer } from '../../../../test/builders/employer.builder';

describe('employers', () => {
  let api: TestApp;
  let county: string;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
  });
  afterAll(async () => api?.close());

  it('an employer account registers its employer, which waits for county review', async () => {
    const account = await api.signedIn(Role.EMPLOYER);
    const input = employerInput();
    const result = await api.gql<{ registerEmployer: Record<string, unknown> }>(REGISTER_EMPLOYER, { input }, account.token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerEmployer).toMatchObject({
      creditCode: input.creditCode,
      status: 'PENDING',
      contactPhone: '13877331234',
      region: { code: '450329103201', fullName: '资源县瓜里乡金江村' },
    });
    const mine = await api.gql<{ myEmployers: { id: string }[] }>(`{ myEmployers { id } }`, {}, account.token);
    expect(mine.data?.myEmployers).toEqual([{ id: (result.data?.registerEmployer as { id: string }).id }]);
  });

  it('refuses a credit code whose check character is wrong, saying so', async () => {
    const account = await api.signedIn(Role.EMPLOYER);
    const good = validCreditCode();
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const result = await api.gql(REGISTER_EMPLOYER, { input: employerInput({ creditCode: bad }) }, account.token);
    expect(result.errors?.[0]).toMatchObject({
      message: '统一社会信用代码校验位不正确，请核对营业执照上的代码',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CREDIT_CODE_CHECK', field: 'input.creditCode' },
    });
  });

  it('refuses a credit code registered before, with CONFLICT', async () => {
    const input = employerInput();
    await api.gql(REGISTER_EMPLOYER, { input }, (await api.signedIn(Role.EMPLOYER)).token);
    const again = await api.gql(REGISTER_EMPLOYER, { input }, (await api.signedIn(Role.EMPLOYER)).token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_CODE_TAKEN' });
  });

  it('county staff verify or reject with a reason; township staff may not review', async () => {
    const account = await api.signedIn(Role.EMPLOYER);
    const { data } = await api.gql<{ registerEmployer: { id: string } }>(REGISTER_EMPLOYER, { input: employerInput() }, account.token);
    const employerId = data!.registerEmployer.id;
    const township = (await api.signedIn(Role.STAFF, '450329103')).token;
    const refused = await api.gql(`mutation($input: VerifyEmployerInput!) { verifyEmployer(input: $input) { status } }`, { input: { employerId } }, township);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COUNTY_STAFF_ONLY' });

    const rejected = await api.gql<{ rejectEmployer: { status: string; rejectionReason: string } }>(
      `mutation($input: RejectEmployerInput!) { rejectEmployer(input: $input) { status rejectionReason } }`,
      { input: { employerId, reason: '营业执照照片不清晰，请重新上传' } },
      county,
    );
    expect(rejected.data?.rejectEmployer).toEqual({ status: 'REJECTED', rejectionReason: '营业执照照片不清晰，请重新上传' });
    const verified = await api.gql<{ verifyEmployer: { status: string } }>(
      `mutation($input: VerifyEmployerInput!) { verifyEmployer(input: $input) { status } }`,
      { input: { employerId } },
      county,
    );
    expect(verified.data?.verifyEmployer.status).toBe('VERIFIED');
  });

  it('staff register a village employer on its behalf, and an employer account later claims it', async () => {
    const village = (await api.signedIn(Role.STAFF, '450329202201')).token;
    const created = await api.gql<{ registerEmployer: { id: string; status: string } }>(
      REGISTER_EMPLOYER,
      { input: employerInput({ name: '猴背村百香果种植基地', regionCode: '450329202201' }) },
      village,
    );
    expect(created.data?.registerEmployer.status).toBe('PENDING');
    const outside = await api.gql(REGISTER_EMPLOYER, { input: employerInput({ regionCode: '450329103201' }) }, village);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });

    const owner = await api.signedIn(Role.EMPLOYER);
    const linked = await api.gql(
      `mutation($input: LinkEmployerAccountInput!) { linkEmployerAccount(input: $input) { id } }`,
      { input: { employerId: created.data!.registerEmployer.id, accountPhone: owner.phone } },
      village,
    );
    expect(linked.errors).toBeUndefined();
    const mine = await api.gql<{ myEmployers: { name: string }[] }>(`{ myEmployers { name } }`, {}, owner.token);
    expect(mine.data?.myEmployers).toEqual([{ name: '猴背村百香果种植基地' }]);
  });

  it('shows a verified employer to anyone with the phone masked, and hides an unverified one from other employers', async () => {
    const verified = await verifiedEmployer(api, county);
    const anonymous = await api.gql<{ employer: { contactPhone: string } }>(`query($id: ID!) { employer(id: $id) { contactPhone } }`, {
      id: verified.employerId,
    });
    expect(anonymous.data?.employer.contactPhone).toBe('138****1234');
    const own = await api.gql<{ employer: { contactPhone: string } }>(
      `query($id: ID!) { employer(id: $id) { contactPhone } }`,
      { id: verified.employerId },
      verified.token,
    );
    expect(own.data?.employer.contactPhone).toBe('13877331234');

    const pending = await verifiedEmployer(api, county, {}, false);
    const other = await api.signedIn(Role.EMPLOYER);
    const hidden = await api.gql(`query($id: ID!) { employer(id: $id) { name } }`, { id: pending.employerId }, other.token);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists to staff only the employers inside their region, pending ones filtered by status', async () => {
    const village = (await api.signedIn(Role.STAFF, '450329202201')).token;
    await api.gql(REGISTER_EMPLOYER, { input: employerInput({ name: '猴背村茶油加工坊', regionCode: '450329202201' }) }, village);
    const mine = await api.gql<{ employers: { edges: { node: { name: string; region: { code: string } } }[] } }>(
      `{ employers(first: 100, status: PENDING) { edges { node { name region { code } } } } }`,
      {},
      village,
    );
    const codes = new Set(mine.data?.employers.edges.map((e) => e.node.region.code));
    expect([...codes]).toEqual(['450329202201']);
    expect(mine.data?.employers.edges.map((e) => e.node.name)).toContain('猴背村茶油加工坊');
    const employer = (await api.signedIn(Role.EMPLOYER)).token;
    const refused = await api.gql(`{ employers { edges { node { id } } } }`, {}, employer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
