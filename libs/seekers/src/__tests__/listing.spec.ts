import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { idNumberFor, REGISTER, registration, seekerPhone } from '../../../../test/builders/job-seeker.builder';
import { ledgerFile, upload } from '../../../../test/builders/ledger.builder';
import { GUALI, HOUBEI, JINJIANG } from '../../../../test/builders/regions';

const LIST = `query($first: Int, $after: String, $filter: JobSeekerFilter) {
  jobSeekers(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { name regionCode } } }
}`;

interface Page {
  jobSeekers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { name: string; regionCode: string } }[] };
}

describe('listing job seekers', () => {
  let api: TestApp;
  let county: string;
  let guali: string;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    const people = [
      { name: '甲一', regionCode: JINJIANG, laborCapacity: 'FULL', supportGroupCodes: ['MONITORED'], trainingWanted: [] },
      { name: '甲二', regionCode: JINJIANG, laborCapacity: 'WEAK', supportGroupCodes: ['LIFTED_OUT'], trainingWanted: ['家政'] },
      {
        name: '甲三',
        regionCode: '450329103202',
        laborCapacity: 'FULL',
        supportGroupCodes: ['MONITORED'],
        trainingWanted: ['电工'],
        employmentStatus: 'UNEMPLOYED',
      },
      { name: '乙一', regionCode: HOUBEI, laborCapacity: 'FULL', supportGroupCodes: ['MONITORED'], trainingWanted: [] },
    ];
    for (const person of people) {
      const idNumber = idNumberFor();
      idNumbers.set(person.name, idNumber);
      const result = await api.gql(REGISTER, { input: registration({ ...person, idNumber }) }, county);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  });
  const idNumbers = new Map<string, string>();
  afterAll(async () => api?.close());

  const names = (page: Page) => page.jobSeekers.edges.map((e) => e.node.name).sort();

  it('shows township staff only their township', async () => {
    const page = (await api.gql<Page>(LIST, {}, guali)).data!;
    expect(page.jobSeekers.totalCount).toBe(3);
    expect(names(page)).toEqual(['甲一', '甲三', '甲二']);
  });

  it('filters by region subtree, support group, labour capacity, employment status and training wish', async () => {
    const list = async (filter: Record<string, unknown>) => names((await api.gql<Page>(LIST, { filter }, county)).data!);
    expect(await list({ regionCode: JINJIANG })).toEqual(['甲一', '甲二']);
    expect(await list({ supportGroup: 'MONITORED' })).toEqual(['乙一', '甲一', '甲三']);
    expect(await list({ supportGroup: 'MONITORED', laborCapacity: 'FULL', regionCode: GUALI })).toEqual(['甲一', '甲三']);
    expect(await list({ employmentStatus: 'UNEMPLOYED' })).toEqual(['甲三']);
    expect(await list({ wantsTraining: true })).toEqual(['甲三', '甲二']);
  });

  it('finds a person by ID number (the desk checks before registering), only within the caller scope', async () => {
    const find = async (idNumber: string, token: string) => names((await api.gql<Page>(LIST, { filter: { idNumber } }, token)).data!);
    expect(await find(idNumbers.get('甲三')!, guali)).toEqual(['甲三']);
    expect(await find(idNumbers.get('甲三')!.toLowerCase(), county)).toEqual(['甲三']);
    expect(await find(idNumbers.get('乙一')!, guali)).toEqual([]);
    expect(await find(idNumberFor(), county)).toEqual([]);
    const wrong = await api.gql(LIST, { filter: { idNumber: '45032919880512011' } }, county);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages with cursors and refuses a region outside the caller scope', async () => {
    const first = (await api.gql<Page>(LIST, { first: 3 }, county)).data!;
    expect(first.jobSeekers.pageInfo.hasNextPage).toBe(true);
    const second = (await api.gql<Page>(LIST, { first: 3, after: first.jobSeekers.pageInfo.endCursor }, county)).data!;
    expect(second.jobSeekers.edges).toHaveLength(1);
    expect(second.jobSeekers.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...names(first), ...names(second)]).size).toBe(4);
    const outside = await api.gql(LIST, { filter: { regionCode: HOUBEI } }, guali);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REGION' });
  });

  it('pages through people imported in one statement (same timestamp) without skipping or repeating anyone', async () => {
    const people = Array.from({ length: 7 }, (_, i) => [
      i + 1,
      `批量${i + 1}`,
      idNumberFor('19920202', 1),
      seekerPhone(),
      '河口瑶族乡',
      '猴背村',
      '',
      '有',
      '',
      '',
      '',
      '',
      '否',
      '',
      '是',
    ]);
    const imported = await upload(api.url, county, await ledgerFile(people));
    expect(imported.body).toMatchObject({ created: 7 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Page = (await api.gql<Page>(LIST, { first: 2, after, filter: { regionCode: HOUBEI } }, county)).data!;
      seen.push(...result.jobSeekers.edges.map((e) => e.node.name));
      if (!result.jobSeekers.pageInfo.hasNextPage) break;
      after = result.jobSeekers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });
});
