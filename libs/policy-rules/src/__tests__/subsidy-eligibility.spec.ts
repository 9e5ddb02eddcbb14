import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { verifiedEmployer } from '../../../../test/builders/employer.builder';
import { recordPlacement, registerSeeker } from '../../../../test/builders/placement.builder';
import { HOUBEI, JINJIANG } from '../../../../test/builders/regions';

const ELIGIBILITY = `query($kind: SubsidyKind!, $region: String) {
  subsidyEligibility(kind: $kind, year: 2025, regionCode: $region, asOf: "2025-12-31") { subjectKind subjectName eligible amount explanation }
}`;

type Row = { subjectKind: string; subjectName: string; eligible: boolean; amount: number; explanation: string[] };

/**
 * A workshop of 6 workers on 2025-12-31, one of them lifted out on an open-ended placement;
 * 张兰 (lifted out) in Guangdong since 2025-02-15; 孙婶 (monitored) in Guilin since 2025-11-01;
 * 赵梅 (no support group) in Guangdong.
 */
describe('subsidyEligibility', () => {
  let api: TestApp;
  let county: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    const textile = await verifiedEmployer(api, county, { name: '资源县锦绣服饰有限公司' });
    const created = await api.gql<{ createWorkshop: { id: string } }>(
      `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`,
      {
        input: {
          employerId: textile.employerId,
          name: '金江村就业帮扶车间',
          regionCode: JINJIANG,
          address: '金江村原村小学',
          latitude: 26.0433,
          longitude: 110.6311,
          headcount: 6,
        },
      },
      textile.token,
    );
    const workshopId = created.data!.createWorkshop.id;
    await api.gql(
      `mutation($input: CertifyWorkshopInput!) { certifyWorkshop(input: $input) { status } }`,
      { input: { workshopId, certifiedOn: '2024-06-01' } },
      county,
    );

    const li = await registerSeeker(api, county, '李秀英', JINJIANG, ['LIFTED_OUT']);
    const inWorkshop = (jobSeekerId: string, startDate: string) =>
      recordPlacement(api, county, { jobSeekerId, source: 'WORKSHOP', workshopId, employerId: textile.employerId, workplaceRegionCode: JINJIANG, startDate });
    await inWorkshop(li, '2025-03-01');
    for (let i = 1; i <= 5; i++) await inWorkshop(await registerSeeker(api, county, `车间工${i}`, JINJIANG, [], `1990010${i}`), '2025-01-01');

    const zhang = await registerSeeker(api, county, '张兰', JINJIANG, ['LIFTED_OUT']);
    await recordPlacement(api, county, { jobSeekerId: zhang, workplaceRegionCode: '441900', startDate: '2025-02-15' });
    const sun = await registerSeeker(api, county, '孙婶', HOUBEI, ['MONITORED']);
    await recordPlacement(api, county, { jobSeekerId: sun, workplaceRegionCode: '450305', startDate: '2025-11-01' });
    const zhao = await registerSeeker(api, county, '赵梅', HOUBEI, []);
    await recordPlacement(api, county, { jobSeekerId: zhao, workplaceRegionCode: '441900', startDate: '2025-02-15' });
  });
  afterAll(() => api.close());

  const eligibility = async (kind: string, region = '450329') => {
    const result = await api.gql<{ subsidyEligibility: Row[] }>(ELIGIBILITY, { kind, region }, county);
    expect(result.errors).toBeUndefined();
    return result.data!.subsidyEligibility;
  };
  const setRule = (key: string, value: object) =>
    api.gql(
      `mutation($input: SetCountySettingInput!) { setCountySetting(input: $input) { isDefault } }`,
      { input: { countyCode: '450329', key, valueJson: JSON.stringify(value) } },
      county,
    );

  it('a workshop qualifies when lifted-out workers are at least 10 % and on contracts of a year or more, and says why', async () => {
    expect(await eligibility('WORKSHOP_SUBSIDY')).toEqual([
      {
        subjectKind: 'WORKSHOP',
        subjectName: '金江村就业帮扶车间',
        eligible: true,
        amount: 2000,
        explanation: [
          '2025-12-31 在岗职工 6 人，其中脱贫人口 1 人（工作人员确认的），占 16.67%，不低于 10%：符合',
          '劳动合同满 12 个月（或不定期）的脱贫人口 1 人：符合',
          '补贴 1 × 2000 = 2000 元（按人计：系统未登记户号，一户多人时请核减）',
        ],
      },
    ]);
  });

  it('the county can raise the share; the same workshop then fails, naming the rule', async () => {
    expect(
      (await setRule('policyRules.workshopSubsidy', { minLiftedOutSharePercent: 20, minContractMonths: 12, amountPerHousehold: 3000 })).errors,
    ).toBeUndefined();
    const [workshop] = await eligibility('WORKSHOP_SUBSIDY');
    expect(workshop).toMatchObject({ eligible: false, amount: 0 });
    expect(workshop.explanation[0]).toBe('2025-12-31 在岗职工 6 人，其中脱贫人口 1 人（工作人员确认的），占 16.67%，低于 20%：不符合');
    const bad = await setRule('policyRules.workshopSubsidy', { minLiftedOutSharePercent: 120, minContractMonths: 12, amountPerHousehold: 3000 });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toContain('minLiftedOutSharePercent');
  });

  it('an employer gets the one-off bonus per lifted-out person hired in the year', async () => {
    expect(await eligibility('HIRING_BONUS')).toEqual([
      {
        subjectKind: 'EMPLOYER',
        subjectName: '资源县锦绣服饰有限公司',
        eligible: true,
        amount: 300,
        explanation: ['2025 年新招用 LIFTED_OUT 人员 1 人（工作人员确认的类别；按人计，同一人只计一次）：符合', '奖补 1 × 300 = 300 元'],
      },
    ]);
  });

  it('transport subsidy by destination tier after three months of work; people outside the groups are not listed', async () => {
    expect(await eligibility('TRANSPORT_SUBSIDY')).toEqual([
      {
        subjectKind: 'JOB_SEEKER',
        subjectName: '孙婶',
        eligible: false,
        amount: 0,
        explanation: ['区内县外，补贴标准 200 元', '自 2025-11-01 至 2025-12-31，未满 3 个月：不符合'],
      },
      {
        subjectKind: 'JOB_SEEKER',
        subjectName: '张兰',
        eligible: true,
        amount: 500,
        explanation: ['区外务工，补贴标准 500 元', '自 2025-02-15 至 2025-12-31，已满 3 个月：符合'],
      },
    ]);
  });

  it('township staff are kept to their township', async () => {
    const township = (await api.signedIn(Role.STAFF, '450329202')).token;
    const refused = await api.gql(ELIGIBILITY, { kind: 'TRANSPORT_SUBSIDY', region: '450329' }, township);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
    const own = await api.gql<{ subsidyEligibility: Row[] }>(ELIGIBILITY, { kind: 'TRANSPORT_SUBSIDY', region: null }, township);
    expect(own.data?.subsidyEligibility.map((r) => r.subjectName)).toEqual(['孙婶']);
  });
});
