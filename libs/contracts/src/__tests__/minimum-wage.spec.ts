import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';

const MINIMUM = `query($r: String!) { minimumWage(regionCode: $r) { countyCode monthly hourly daily } }`;

describe('minimumWage: the floors an offer form checks as people type', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('gives anyone the county’s minimum wage for a village, the default until the county changes it', async () => {
    const before = await api.gql(MINIMUM, { r: '450329103201' });
    expect(before).toEqual({ data: { minimumWage: { countyCode: '450329', monthly: 1690, hourly: 16.1, daily: 128.8 } } });

    const county = (await api.signedIn(Role.STAFF, '450329')).token;
    const set = await api.gql(
      `mutation($i: SetCountySettingInput!) { setCountySetting(input: $i) { key } }`,
      { i: { countyCode: '450329', key: 'contracts.minimumHourlyWage', valueJson: '17.5' } },
      county,
    );
    expect(set.errors).toBeUndefined();
    const after = await api.gql(MINIMUM, { r: '450329103' });
    expect(after.data).toEqual({ minimumWage: { countyCode: '450329', monthly: 1690, hourly: 17.5, daily: 140 } });
  });

  it('refuses a code that is not a region code, in Chinese', async () => {
    const refused = await api.gql(MINIMUM, { r: 'abc' });
    expect(refused.errors?.[0]).toMatchObject({
      message: '行政区划代码应为 2、4、6、9 或 12 位数字（省、市、县、乡镇、村）',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
