import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';

import { Role } from '@jobcode/common';

import { createStation } from '../builders/station.builder';
import { startTestApp, type TestApp } from '../support/test-app';

/** A raw GET that shows the bytes on the wire (fetch would decompress them). */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Issue 14, item 6: protective headers on every page, compressed text, a scan page that revalidates cheaply. */
describe('responses carry protective headers and are compressed', () => {
  let api: TestApp;
  let township: string;
  let stationId: string;
  beforeAll(async () => {
    api = await startTestApp();
    township = (await api.signedIn(Role.STAFF, '450329103')).token;
    stationId = await createStation(api, township);
  });
  afterAll(async () => api?.close());

  const issue = async () =>
    (
      await api.gql<{ issueServiceCode: { token: string } }>(
        `mutation($input: IssueServiceCodeInput!) { issueServiceCode(input: $input) { token } }`,
        { input: { targetKind: 'GIG_STATION', targetId: stationId } },
        township,
      )
    ).data!.issueServiceCode.token;

  it('sends every HTML page with a CSP, nosniff, no framing and a same-origin referrer — refusals too', async () => {
    for (const path of [`/c/${await issue()}`, '/c/not-a-code']) {
      const page = await rawGet(`${api.url}${path}`);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['referrer-policy']).toBe('same-origin');
    }
    const json = await rawGet(`${api.url}/health`);
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['content-security-policy']).toBeUndefined();
  });

  it('compresses HTML and GraphQL JSON for clients that accept it, and not for those that do not', async () => {
    const page = await rawGet(`${api.url}/c/${await issue()}`, { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(page.body).toString()).toContain('瓜里乡零工中心');
    const plain = await rawGet(`${api.url}/c/${await issue()}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('瓜里乡零工中心');

    const graphql = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      body: JSON.stringify({ query: '{ regions { code name children { code name } } }' }),
    });
    expect(graphql.headers.get('content-encoding')).toBe('br');
    expect(((await graphql.json()) as { data: { regions: unknown[] } }).data.regions.length).toBeGreaterThan(0);
  });

  it('lets a browser revalidate the scan page: 304 while the station is unchanged, the new page once it changes', async () => {
    const token = await issue();
    const first = await rawGet(`${api.url}/c/${token}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await rawGet(`${api.url}/c/${token}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    // Any write to the station moves its scan version (triggers), from the API or plain SQL.
    await api.dataSource.query(`UPDATE gig_station SET opening_hours = '每天 6:30–19:00' WHERE id = $1`, [stationId]);
    const changed = await rawGet(`${api.url}/c/${token}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.toString()).toContain('6:30');
  });
});
