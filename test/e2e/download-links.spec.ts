import { createHash } from 'node:crypto';

import { DownloadTicketsService } from '@jobcode/accounts';
import { Role } from '@jobcode/common';

import { contractFlow } from '../builders/contract.builder';
import { type EmployerFixture, verifiedEmployer } from '../builders/employer.builder';
import { selfRegisteredSeeker } from '../builders/job-seeker.builder';
import { stationInput } from '../builders/station.builder';
import { startTestApp, type TestApp } from '../support/test-app';

const LINK = `mutation($i: CreateDownloadLinkInput!) { createDownloadLink(input: $i) { url expiresAt } }`;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('download links: a tap on a phone downloads, without a long-lived credential in the URL', () => {
  let api: TestApp;
  let county: string;
  let growers: EmployerFixture;
  let rival: EmployerFixture;
  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    growers = await verifiedEmployer(api, county, { name: '金江番茄种植专业合作社' });
    rival = await verifiedEmployer(api, county, { name: '资源县工业园电子厂' });
  });
  afterAll(async () => api?.close());

  /** What a phone browser does with a tapped link: a plain GET, no headers. */
  const tap = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, api.url));
  const link = async (token: string, input: Record<string, unknown>) => {
    const result = await api.gql<{ createDownloadLink: { url: string; expiresAt: string } }>(LINK, { i: input }, token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createDownloadLink;
  };

  it('opens the sealed contract for its parties by a plain GET, for 5 minutes, for that file only, and no longer after signing out', async () => {
    const seeker = await selfRegisteredSeeker(api, { name: '韦秀兰' });
    const contract = await contractFlow(api, growers, seeker).active(seeker);
    const { url, expiresAt } = await link(seeker.token, { kind: 'CONTRACT_PDF', id: contract.id });
    expect(url).toMatch(new RegExp(`/contracts/${contract.id}/pdf\\?ticket=`));
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    expect(url).not.toContain(seeker.token);

    const response = await tap(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(contract.sealedPdfDigest);

    // Bound to the one file: the same ticket on another path is refused.
    const other = await contractFlow(api, growers).active();
    const moved = await tap(url.replace(contract.id, other.id));
    expect(moved.status).toBe(401);
    expect(((await moved.json()) as { error: { message: string } }).error.message).toContain('下载链接与要下载的文件不符');

    // A ticket is not a bearer token, and a bearer token is not a ticket.
    expect((await api.gql(`{ me { id } }`, {}, new URL(url).searchParams.get('ticket')!)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await tap(`${api.url}/contracts/${contract.id}/pdf?ticket=${seeker.token}`)).status).toBe(401);

    // A link made five minutes and a second ago has expired.
    const [session] = (await api.dataSource.query(`SELECT id FROM session WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [seeker.accountId])) as {
      id: string;
    }[];
    const stale = await api.app
      .get(DownloadTicketsService)
      .mint({ accountId: seeker.accountId, sessionId: session.id }, `/contracts/${contract.id}/pdf`, new Date(Date.now() - 301_000));
    const late = await tap(stale.url);
    expect(late.status).toBe(401);
    expect(((await late.json()) as { error: { message: string } }).error.message).toContain('已过期');

    // Another employer's link to this contract finds nothing; signing out kills the seeker's.
    expect((await tap((await link(rival.token, { kind: 'CONTRACT_PDF', id: contract.id })).url)).status).toBe(404);
    await api.gql(`mutation { signOut }`, {}, seeker.token);
    expect((await tap(url)).status).toBe(401);
  });

  it('opens a ledger for staff with its filters, and refuses the kinds a role may not download', async () => {
    const { url } = await link(county, { kind: 'SEEKER_LEDGER', query: 'regionCode=450329103' });
    const response = await tap(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    // The filter is part of what the ticket opens.
    expect((await tap(url.replace('regionCode=450329103', 'regionCode=450329'))).status).toBe(401);

    const seeker = await selfRegisteredSeeker(api);
    const refused = await api.gql(LINK, { i: { kind: 'SEEKER_LEDGER' } }, seeker.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noId = await api.gql(LINK, { i: { kind: 'CONTRACT_PDF' } }, seeker.token);
    expect(noId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  it("opens a township's posters for staff by a tapped link", async () => {
    const station = await api.gql<{ createGigStation: { id: string } }>(
      `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id } }`,
      { input: stationInput() },
      county,
    );
    const issued = await api.gql(
      `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
      { input: { targetKind: 'GIG_STATION', targetId: station.data!.createGigStation.id, label: '乡政府公示栏' } },
      county,
    );
    expect(issued.errors).toBeUndefined();
    const { url } = await link(county, { kind: 'SERVICE_CODE_POSTERS', query: 'region=450329103&kind=GIG_STATION' });
    expect(url).toMatch(/\/service-codes\/posters\?kind=GIG_STATION&region=450329103&ticket=/);
    const response = await tap(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('资源县瓜里乡零工站点就业服务码海报.pdf'));
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // Another township is another file: the ticket does not open it.
    expect((await tap(url.replace('region=450329103', 'region=450329101'))).status).toBe(401);
    const seeker = await selfRegisteredSeeker(api);
    expect((await api.gql(LINK, { i: { kind: 'SERVICE_CODE_POSTERS' } }, seeker.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
