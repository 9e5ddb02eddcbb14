import { Role } from '@jobcode/common';

import { stationInput } from '../../../../test/builders/station.builder';
import { pdfPages } from '../../../../test/support/pdf-text';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';

const CREATE_STATION = `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id name } }`;
const ISSUE = `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`;
const REVOKE = `mutation($token: String!) { revokeServiceCode(input: { token: $token }) { status } }`;

describe("a township's posters in one PDF (GET /service-codes/posters)", () => {
  let api: TestApp;
  let county: string;
  let guali: string;
  let hekou: string;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, '450329103')).token;
    hekou = (await api.signedIn(Role.STAFF, '450329202')).token;
    const stations = [
      stationInput({ name: '瓜里乡零工中心' }),
      stationInput({ name: '金江村零工驿站', level: 'VILLAGE', regionCode: '450329103201', address: '金江村村委会' }),
      stationInput({ name: '白竹村零工驿站', level: 'VILLAGE', regionCode: '450329103202', address: '白竹村村委会' }),
      stationInput({ name: '猴背村零工驿站', level: 'VILLAGE', regionCode: '450329202201', address: '猴背村村委会' }),
    ];
    const tokens: string[] = [];
    for (const input of stations) {
      const created = await api.gql<{ createGigStation: { id: string } }>(CREATE_STATION, { input }, county);
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      const issued = await api.gql<{ issueServiceCode: { token: string } }>(
        ISSUE,
        { input: { targetKind: 'GIG_STATION', targetId: created.data!.createGigStation.id, label: '村委会信息栏' } },
        county,
      );
      tokens.push(issued.data!.issueServiceCode.token);
    }
    // A revoked code is not printed.
    await api.gql(REVOKE, { token: tokens[2] }, county);
  });
  afterAll(async () => api?.close());

  const get = (query: string, token?: string) =>
    fetch(`${api.url}/service-codes/posters${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("prints every active station code of the township, one per page, for the township's staff", async () => {
    const response = await get('?region=450329103&kind=GIG_STATION', guali);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('资源县瓜里乡零工站点就业服务码海报.pdf');
    const { total, pages } = pdfPages(Buffer.from(await response.arrayBuffer()));
    expect(total).toBe(2);
    expect(pages.join('\n')).toContain('瓜里乡零工中心');
    expect(pages.join('\n')).toContain('金江村零工驿站');
    expect(pages.join('\n')).not.toContain('白竹村零工驿站');
    expect(pages.join('\n')).not.toContain('猴背村零工驿站');
  });

  it("refuses another township's staff, anonymous callers, and says what to do when there is nothing to print", async () => {
    const other = await get('?region=450329103', hekou);
    expect(other.status).toBe(403);
    expect(((await other.json()) as Refusal).error.message).toBe('您的管辖范围是资源县河口瑶族乡，资源县瓜里乡不在其中');
    expect((await get('?region=450329103')).status).toBe(401);
    const empty = await get('?region=450329101', county);
    expect(empty.status).toBe(404);
    expect(((await empty.json()) as Refusal).error.message).toContain('还没有有效的零工站点码');
    const bad = await get('?region=abc', county);
    expect(bad.status).toBe(400);
  });
});

interface Refusal {
  error: { code: string; message: string };
}
