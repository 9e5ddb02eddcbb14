import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { Role } from '@jobcode/common';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { onServer } from '../../../../test/support/test-state';
import { idNumberFor, READ, REGISTER, registration, seekerPhone } from '../../../../test/builders/job-seeker.builder';
import { GUALI, JINJIANG } from '../../../../test/builders/regions';

const run = promisify(execFile);

describe('personal data of job seekers', () => {
  let api: TestApp;
  let staff: { token: string; accountId: string };
  let seekerId: string;
  const idNumber = idNumberFor('19860720', 5);
  const phone = seekerPhone();
  const masked = { idNumber: `4503**********${idNumber.slice(-4)}`, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` };

  beforeAll(async () => {
    api = await startTestApp();
    staff = await api.signedIn(Role.STAFF, GUALI);
    const created = await api.gql<{ registerJobSeeker: { id: string } }>(
      REGISTER,
      { input: registration({ idNumber, phone, regionCode: JINJIANG }) },
      staff.token,
    );
    seekerId = created.data!.registerJobSeeker.id;
  });
  afterAll(async () => api?.close());

  const accessRows = () =>
    api.dataSource.query(`SELECT account_id AS "accountId", role, field, purpose, channel FROM personal_data_access WHERE subject_id = $1 ORDER BY id`, [
      seekerId,
    ]) as Promise<{ accountId: string; role: string; field: string; purpose: string; channel: string }[]>;

  it('shows the masked ID number and phone by default, even to staff of the region, and logs nothing', async () => {
    const result = await api.gql(READ, { id: seekerId, full: false }, staff.token);
    expect(result.data?.jobSeeker).toMatchObject({ ...masked, fullAccess: true });
    expect(await accessRows()).toEqual([]);
  });

  it('shows full values to staff whose region holds the seeker and logs who, whom, when and why once per field', async () => {
    const query = `query($id: ID!) {
      a: jobSeeker(id: $id) { idNumber(full: true, purpose: "电话回访") phone(full: true, purpose: "电话回访") }
      b: jobSeeker(id: $id) { idNumber(full: true, purpose: "电话回访") }
    }`;
    const result = await api.gql<{ a: { idNumber: string; phone: string }; b: { idNumber: string } }>(query, { id: seekerId }, staff.token);
    expect(result.data).toEqual({ a: { idNumber, phone }, b: { idNumber } });
    expect(await accessRows()).toEqual([
      { accountId: staff.accountId, role: 'STAFF', field: 'ID_NUMBER', purpose: '电话回访', channel: 'JobSeeker.idNumber' },
      { accountId: staff.accountId, role: 'STAFF', field: 'PHONE', purpose: '电话回访', channel: 'JobSeeker.phone' },
    ]);
    const [{ at }] = await api.dataSource.query(`SELECT at FROM personal_data_access WHERE subject_id = $1 LIMIT 1`, [seekerId]);
    expect(Math.abs(new Date(at).getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('records a default purpose when the reader gives none', async () => {
    const county = await api.signedIn(Role.STAFF, '450329');
    const result = await api.gql(READ, { id: seekerId, full: true }, county.token);
    expect(result.data?.jobSeeker).toMatchObject({ idNumber, phone });
    const rows = (await accessRows()).filter((r) => r.accountId === county.accountId);
    expect(rows.map((r) => r.purpose)).toEqual(['就业服务（未注明具体用途）', '就业服务（未注明具体用途）']);
  });

  it('shows the person and their staff who read their full values, and nobody else', async () => {
    const query = `query($id: ID!) { jobSeekerDataReads(jobSeekerId: $id) { field purpose channel readerRole readerAccountId } }`;
    const result = await api.gql<{ jobSeekerDataReads: { field: string; purpose: string; readerRole: string; readerAccountId: string }[] }>(
      query,
      { id: seekerId },
      staff.token,
    );
    expect(result.data?.jobSeekerDataReads).toEqual(
      expect.arrayContaining([{ field: 'PHONE', purpose: '电话回访', channel: 'JobSeeker.phone', readerRole: 'STAFF', readerAccountId: staff.accountId }]),
    );
    const employer = await api.signedIn(Role.EMPLOYER);
    expect((await api.gql(query, { id: seekerId }, employer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await api.signedIn(Role.SEEKER);
    expect((await api.gql(query, { id: seekerId }, stranger.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows full values to an admin, and masked ones only when not asked', async () => {
    const admin = await api.signedIn(Role.ADMIN);
    expect((await api.gql(READ, { id: seekerId, full: true, purpose: '数据核查' }, admin.token)).data?.jobSeeker).toMatchObject({
      idNumber,
      phone,
      fullAccess: true,
    });
    expect((await api.gql(READ, { id: seekerId, full: false }, admin.token)).data?.jobSeeker).toMatchObject(masked);
  });

  it('keeps the access log append-only', async () => {
    await expect(api.dataSource.query(`UPDATE personal_data_access SET purpose = 'x' WHERE subject_id = $1`, [seekerId])).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`DELETE FROM personal_data_access WHERE subject_id = $1`, [seekerId])).rejects.toThrow(/append-only/);
  });

  it('lists seekers of the region for staff with masked values unless full values are asked for', async () => {
    const result = await api.gql<{ jobSeekers: { totalCount: number; edges: { node: { idNumber: string; phone: string } }[] } }>(
      `{ jobSeekers(first: 5) { totalCount edges { node { idNumber phone } } } }`,
      {},
      staff.token,
    );
    expect(result.data?.jobSeekers.edges[0].node).toEqual(masked);
  });

  onServer.it('leaves no plaintext ID number or phone in a database dump, only their ciphertext', async () => {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', api.databaseUrl], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('COPY public.job_seeker');
    expect(stdout).not.toContain(idNumber);
    expect(stdout).not.toContain(phone);
    const [{ sealed, sealedPhone }] = await api.dataSource.query(
      `SELECT id_number_encrypted AS sealed, phone_encrypted AS "sealedPhone" FROM job_seeker WHERE id = $1`,
      [seekerId],
    );
    expect(sealed).toMatch(/^v1\./);
    expect(stdout).toContain(sealed);
    expect(stdout).toContain(sealedPhone);
  });
});
