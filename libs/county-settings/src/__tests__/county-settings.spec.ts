import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';

const SET = `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { key valueJson isDefault } }`;
const KEY = 'jobs.publicWelfareSupportGroups';

describe('county settings', () => {
  let api: TestApp;
  let county: string;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
  });
  afterAll(async () => api?.close());

  it('lists declared settings with their defaults until county staff change them', async () => {
    const before = await api.gql<{ countySettings: { key: string; valueJson: string; isDefault: boolean }[] }>(
      `{ countySettings(countyCode: "450329") { key valueJson isDefault } }`,
      {},
      county,
    );
    expect(before.data?.countySettings).toContainEqual({ key: KEY, valueJson: '["LIFTED_OUT","MONITORED"]', isDefault: true });
    const set = await api.gql(SET, { input: { countyCode: '450329', key: KEY, valueJson: '["RELOCATED","RELOCATED","MONITORED"]' } }, county);
    expect(set.data).toEqual({ setCountySetting: { key: KEY, valueJson: '["RELOCATED","MONITORED"]', isDefault: false } });
  });

  it('refuses values the setting does not allow, saying what is allowed', async () => {
    const bad = await api.gql(SET, { input: { countyCode: '450329', key: KEY, valueJson: '["EVERYONE"]' } }, county);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SETTING_VALUE', field: 'input.valueJson' } });
    expect(bad.errors?.[0].message).toContain('LIFTED_OUT');
    const notJson = await api.gql(SET, { input: { countyCode: '450329', key: KEY, valueJson: 'LIFTED_OUT' } }, county);
    expect(notJson.errors?.[0].extensions?.reason).toBe('INVALID_JSON');
    const unknown = await api.gql(SET, { input: { countyCode: '450329', key: 'jobs.nothing', valueJson: '1' } }, county);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets only county-level staff change settings, and nobody outside the county', async () => {
    const township = (await api.signedIn(Role.STAFF, '450329103')).token;
    const refused = await api.gql(SET, { input: { countyCode: '450329', key: KEY, valueJson: '["LIFTED_OUT"]' } }, township);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const employer = (await api.signedIn(Role.EMPLOYER)).token;
    const denied = await api.gql(SET, { input: { countyCode: '450329', key: KEY, valueJson: '["LIFTED_OUT"]' } }, employer);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
