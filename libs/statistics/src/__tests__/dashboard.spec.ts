import { Workbook } from 'exceljs';

import { Role } from '@jobcode/common';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { GUALI, HEKOU, HOUBEI, JINJIANG } from '../../../../test/builders/regions';

const FUNNEL = `query($region: String, $period: PeriodInput!, $groupBy: FunnelGroupBy) {
  scanFunnel(region: $region, period: $period, groupBy: $groupBy) {
    definition regionCode regionName period { from to } previousPeriod { from to }
    total { scans scanners applications applicants contractsSent contractsActive peopleContracted applicationRate contractRate }
    previousTotal { scans }
    changes { figure label current previous changePercent }
    groups { key label scans scanners applications applicants contractsSent contractsActive peopleContracted applicationRate contractRate }
  }
}`;
const FAIRS = `query($region: String, $period: PeriodInput!) {
  fairStats(region: $region, period: $period) {
    definition regionName
    total { fairs employers distinctEmployers posts attendance distinctAttendees hires }
    fairs { name date venue regionCode employers posts attendance hires }
  }
}`;
const WORKSHOPS = `query($region: String, $period: PeriodInput!) {
  workshopStats(region: $region, period: $period) {
    definition regionName
    total { workshops newlyCertified peopleEmployed liftedOut liftedOutPercent }
    workshops { name status certifiedOn peopleEmployed liftedOut liftedOutPercent }
  }
}`;

interface Funnel {
  scans: number;
  scanners: number;
  applications: number;
  applicants: number;
  contractsSent: number;
  contractsActive: number;
  peopleContracted: number;
  applicationRate: number | null;
  contractRate: number | null;
  key?: string;
  label?: string;
}

/**
 * A small county built by hand, in 瓜里乡金江村 (GUALI) and 河口瑶族乡猴背村 (HEKOU):
 * - 零工驿站 S1 (金江) with job J1 (5 posts); 帮扶车间 W1 (金江, certified 2025-03-01) with job J2;
 *   W2 (猴背, certified 2024-06-01); W3 (金江, pending); W4 (金江, certified 2026-01-05);
 *   a directly posted job J3 (金江); 招聘会 F1 (金江, 2025-04-10) with E1's jobs J4 (10) and J5 (4),
 *   booths of E1 (declared 99, but it entered jobs) and E2 (declared 7, no jobs);
 *   F2 (猴背, 2025-09-01) with E2's job J6 (6); F3 (金江, 2024-04-10).
 * - Seekers 阿(LIFTED_OUT) 宝 春(LIFTED_OUT) 丁, all of 金江 except 丁 (猴背).
 */
describe('dashboard figures: scan funnel, fairs, workshops', () => {
  let api: TestApp;
  let county: string;
  let guali: string;
  let hekou: string;
  const id: Record<string, string> = {};

  const sql = (text: string, params: unknown[] = []) => api.dataSource.query(text, params) as Promise<{ id: string }[]>;
  const one = async (text: string, params: unknown[] = []) => (await sql(text, params))[0].id;

  beforeAll(async () => {
    api = await startTestApp();
    county = (await api.signedIn(Role.STAFF, '450329')).token;
    guali = (await api.signedIn(Role.STAFF, GUALI)).token;
    hekou = (await api.signedIn(Role.STAFF, HEKOU)).token;
    const staff = await one(`SELECT id FROM account LIMIT 1`);
    id.staff = staff;

    const cipher = api.app.get(PersonalDataCipher);
    let n = 0;
    const seeker = (name: string, village: string, groups: string[]) =>
      one(
        `WITH s AS (INSERT INTO job_seeker (name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity, channel)
           VALUES ($1::varchar, md5($1::text) || md5($1::text || 'x'), $4, '1980-01-01', 'MALE', md5($1::text || 'p') || md5($1::text || 'q'), $5, $2, 'FULL', 'IMPORT') RETURNING id),
         g AS (INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) SELECT s.id, unnest($3::varchar[]) FROM s)
         SELECT id FROM s`,
        [name, village, groups, cipher.encrypt(`45032919800101${String(1000 + ++n)}`), cipher.encrypt(`1380000${String(1000 + n)}`)],
      );
    id.a = await seeker('阿', JINJIANG, ['LIFTED_OUT']);
    id.b = await seeker('宝', JINJIANG, []);
    id.c = await seeker('春', JINJIANG, ['LIFTED_OUT']);
    id.d = await seeker('丁', HOUBEI, []);

    const employer = (name: string, credit: string, village: string) =>
      one(
        `INSERT INTO employer (name, credit_code, contact_name, contact_phone_encrypted, region_code, address, registered_by, status)
         VALUES ($1, $2, '联系人', 'x', $3, '地址', $4, 'VERIFIED') RETURNING id`,
        [name, credit, village, staff],
      );
    id.e1 = await employer('资源县甲公司', '91450329MA5KAAAA1A', JINJIANG);
    id.e2 = await employer('资源县乙公司', '91450329MA5KAAAA2B', HOUBEI);
    id.s1 = await one(
      `INSERT INTO gig_station (name, level, region_code, address, latitude, longitude, opening_hours, created_by)
       VALUES ('金江零工驿站', 'VILLAGE', $1, '金江村', 26.0, 110.6, '8:00-18:00', $2) RETURNING id`,
      [JINJIANG, staff],
    );
    const workshop = (name: string, village: string, status: string, certifiedOn: string | null) =>
      one(
        `INSERT INTO workshop (name, employer_id, region_code, address, latitude, longitude, headcount, status, certified_on, created_by)
         VALUES ($1, $2, $3, '车间地址', 26.0, 110.6, 10, $4, $5, $6) RETURNING id`,
        [name, id.e1, village, status, certifiedOn, staff],
      );
    id.w1 = await workshop('金江帮扶车间', JINJIANG, 'CERTIFIED', '2025-03-01');
    id.w2 = await workshop('猴背帮扶车间', HOUBEI, 'CERTIFIED', '2024-06-01');
    id.w3 = await workshop('金江二号车间', JINJIANG, 'PENDING', null);
    id.w4 = await workshop('金江三号车间', JINJIANG, 'CERTIFIED', '2026-01-05');
    // Certified in 2024, revoked in the middle of 2025: counted at the end of 2024, not at the end of 2025.
    id.w5 = await workshop('金江四号车间', JINJIANG, 'CERTIFIED', '2024-01-10');
    await api.dataSource.query(`UPDATE workshop SET status = 'REVOKED', revoked_on = '2025-07-01', revocation_reason = '停产' WHERE id = $1`, [id.w5]);
    const fair = (name: string, village: string, day: string) =>
      one(
        `INSERT INTO job_fair (name, kind, starts_at, ends_at, venue, region_code, organiser, created_by)
         VALUES ($1::varchar, 'ORDINARY', ($2::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', ($2::date + time '17:00') AT TIME ZONE 'Asia/Shanghai', $1::varchar || '会场', $3, '资源县人社局', $4)
         RETURNING id`,
        [name, day, village, staff],
      );
    id.f1 = await fair('春风行动专场', JINJIANG, '2025-04-10');
    id.f2 = await fair('猴背招聘会', HOUBEI, '2025-09-01');
    id.f3 = await fair('去年专场', JINJIANG, '2024-04-10');
    const job = (title: string, village: string, employer: string | null, headcount: number, source: Record<string, string>) =>
      one(
        `INSERT INTO job (title, occupation, description, kind, wage_min, wage_max, wage_unit, headcount, region_code, address, latitude, longitude, working_hours,
                          valid_from, valid_to, posted_by, employer_id, station_id, workshop_id, fair_id, status)
         VALUES ($1, '普工', '岗位说明', 'FULL_TIME', 3000, 4000, 'MONTH', $2, $3, '地址', 26.0, 110.6, '8 小时', '2025-01-01', '2025-12-31', $4, $5, $6, $7, $8, 'OPEN')
         RETURNING id`,
        [title, headcount, village, staff, employer, source.station ?? null, source.workshop ?? null, source.fair ?? null],
      );
    id.j1 = await job('驿站搬运工', JINJIANG, id.e1, 5, { station: id.s1 });
    id.j2 = await job('车间缝纫工', JINJIANG, id.e1, 3, { workshop: id.w1 });
    id.j3 = await job('直招普工', JINJIANG, id.e1, 2, {});
    id.j4 = await job('专场操作工', JINJIANG, id.e1, 10, { fair: id.f1 });
    id.j5 = await job('专场质检员', JINJIANG, id.e1, 4, { fair: id.f1 });
    id.j6 = await job('猴背装配工', HOUBEI, id.e2, 6, { fair: id.f2 });
    await sql(`INSERT INTO fair_booth (fair_id, employer_id, declared_posts, created_by) VALUES ($1, $2, 99, $4), ($1, $3, 7, $4), ($5, $3, NULL, $4)`, [
      id.f1,
      id.e1,
      id.e2,
      staff,
      id.f2,
    ]);
    await sql(
      `INSERT INTO fair_attendance (fair_id, seeker_id, recorded_by) VALUES ($1, $3, $6), ($1, $4, $6), ($1, $5, $6), ($2, $5, $6), ($2, $7, $6), ($8, $3, $6)`,
      [id.f1, id.f2, id.a, id.b, id.c, staff, id.d, id.f3],
    );

    // Scans: accounts x and y signed in, others anonymous; county time 2025 unless said.
    const code = (kind: string, target: string, village: string) =>
      one(
        `INSERT INTO service_code (token, target_kind, target_id, region_code, issued_by) VALUES (left(md5(random()::text), 22), $1, $2, $3, $4) RETURNING id`,
        [kind, target, village, staff],
      );
    const x = (await api.signedIn(Role.SEEKER, null, '扫码甲')).accountId;
    const y = (await api.signedIn(Role.SEEKER, null, '扫码乙')).accountId;
    const z = (await api.signedIn(Role.SEEKER, null, '扫码丙')).accountId;
    // x is 阿's account and y is 宝's: their applications can follow their scans; z never applies.
    await sql(`UPDATE job_seeker SET account_id = $2 WHERE id = $1`, [id.a, x]);
    await sql(`UPDATE job_seeker SET account_id = $2 WHERE id = $1`, [id.b, y]);
    const scan = async (codeId: string, kind: string, target: string, village: string, at: string, account: string | null) =>
      sql(
        `INSERT INTO scan_event (code_id, target_kind, target_id, region_code, scanned_at, account_id, client, channel) VALUES ($1, $2, $3, $4, $5::timestamptz, $6, 'WECHAT', 'PAGE')`,
        [codeId, kind, target, village, at, account],
      );
    const s1Code = await code('GIG_STATION', id.s1, JINJIANG);
    const j1Code = await code('JOB', id.j1, JINJIANG);
    const j3Code = await code('JOB', id.j3, JINJIANG);
    const w1Code = await code('WORKSHOP', id.w1, JINJIANG);
    const f1Code = await code('JOB_FAIR', id.f1, JINJIANG);
    const seekerCode = await code('SEEKER', id.a, JINJIANG);
    const j6Code = await code('JOB', id.j6, HOUBEI);
    await scan(s1Code, 'GIG_STATION', id.s1, JINJIANG, '2025-03-01T10:00:00+08:00', x);
    await scan(s1Code, 'GIG_STATION', id.s1, JINJIANG, '2025-03-02T10:00:00+08:00', x);
    await scan(s1Code, 'GIG_STATION', id.s1, JINJIANG, '2025-03-03T10:00:00+08:00', z);
    await scan(j1Code, 'JOB', id.j1, JINJIANG, '2025-03-03T11:00:00+08:00', y);
    await scan(j1Code, 'JOB', id.j1, JINJIANG, '2025-01-01T00:30:00+08:00', null); // 2024-12-31 in UTC, 2025 in the county
    for (let i = 0; i < 4; i++) await scan(j3Code, 'JOB', id.j3, JINJIANG, `2025-05-0${i + 1}T09:00:00+08:00`, i === 3 ? x : null);
    await scan(w1Code, 'WORKSHOP', id.w1, JINJIANG, '2025-06-01T09:00:00+08:00', y);
    await scan(f1Code, 'JOB_FAIR', id.f1, JINJIANG, '2025-04-10T09:00:00+08:00', x);
    await scan(f1Code, 'JOB_FAIR', id.f1, JINJIANG, '2025-04-10T09:30:00+08:00', null);
    await scan(seekerCode, 'SEEKER', id.a, JINJIANG, '2025-04-10T09:40:00+08:00', x); // not a job source
    await scan(f1Code, 'JOB_FAIR', id.f1, JINJIANG, '2024-12-31T23:30:00+08:00', x); // last year in the county
    await scan(j6Code, 'JOB', id.j6, HOUBEI, '2025-09-01T10:00:00+08:00', null);

    // Applications (created at county time) and their statuses.
    const apply = (job: string, seekerId: string, village: string, at: string, status = 'APPLIED') =>
      one(
        `INSERT INTO application (job_id, employer_id, region_code, job_seeker_id, status, created_by, created_at, rejection_reason)
         VALUES ($1::uuid, (SELECT employer_id FROM job WHERE id = $1::uuid), $2, $3, $4::varchar, $5, $6::timestamptz, CASE WHEN $4::varchar = 'REJECTED' THEN '不合适' END) RETURNING id`,
        [job, village, seekerId, status, staff, at],
      );
    const j1a = await apply(id.j1, id.a, JINJIANG, '2025-03-05T10:00:00+08:00'); // x scanned S1 on 03-02: follows it
    await apply(id.j1, id.b, JINJIANG, '2025-03-06T10:00:00+08:00'); // y scanned J1's own code on 03-03
    await apply(id.j2, id.b, JINJIANG, '2025-06-09T10:00:00+08:00'); // y scanned W1 on 06-01: 8 days before, outside the window
    const j3a = await apply(id.j3, id.a, JINJIANG, '2025-05-06T10:00:00+08:00', 'HIRED');
    await apply(id.j4, id.a, JINJIANG, '2025-04-10T10:00:00+08:00', 'HIRED');
    await apply(id.j5, id.a, JINJIANG, '2025-04-10T10:05:00+08:00', 'HIRED');
    await apply(id.j5, id.b, JINJIANG, '2025-04-10T10:10:00+08:00', 'HIRED'); // y never scanned F1: not counted
    await apply(id.j6, id.d, HOUBEI, '2025-09-01T11:00:00+08:00', 'REJECTED');
    await apply(id.j3, id.c, JINJIANG, '2024-11-01T10:00:00+08:00'); // last year

    const contract = async (application: string, job: string, seekerId: string, status: string, sentAt: string, activatedAt: string | null) => {
      const contractId = await one(
        `INSERT INTO contract (application_id, job_id, job_seeker_id, employer_id, region_code, status, template_version, content, content_digest, pdf_digest, wage, wage_unit,
                               term_kind, start_date, workplace_region_code, chain_head, event_count, created_by, created_at, activated_at, sealed_pdf, sealed_pdf_digest)
         VALUES ($1, $2, $3, $4, $5, $6::varchar, 'v1', '{}', repeat('a', 64), repeat('b', 64), 3500, 'MONTH', 'OPEN_ENDED', '2025-06-01', $5, repeat('c', 64), 1, $7, $8::timestamptz,
                 $9::timestamptz, CASE WHEN $6::varchar = 'ACTIVE' THEN '\\x00'::bytea END, CASE WHEN $6::varchar = 'ACTIVE' THEN repeat('d', 64) END) RETURNING id`,
        [application, job, seekerId, id.e1, JINJIANG, status, staff, sentAt, activatedAt],
      );
      await sql(
        `INSERT INTO contract_event (contract_id, seq, kind, data, occurred_at, prev_hash, hash) VALUES ($1, 1, 'SENT', '{}', $2::timestamptz, repeat('0', 64), repeat('1', 64))`,
        [contractId, sentAt],
      );
    };
    await contract(j1a, id.j1, id.a, 'SENT', '2025-03-10T10:00:00+08:00', null);
    await contract(j3a, id.j3, id.a, 'ACTIVE', '2025-05-07T10:00:00+08:00', '2025-05-08T10:00:00+08:00');

    // Workshop placements (the rollup triggers run on these too).
    const place = (seekerId: string, village: string, workshopId: string, start: string, end: string | null) =>
      sql(
        `INSERT INTO placement (job_seeker_id, home_region_code, workshop_id, workplace_region_code, destination, source, start_date, end_date)
         VALUES ($1, $2, $3, $2, 'IN_COUNTY', 'WORKSHOP', $4, $5)`,
        [seekerId, village, workshopId, start, end],
      );
    await place(id.a, JINJIANG, id.w1, '2025-03-15', null);
    await place(id.b, JINJIANG, id.w1, '2024-01-01', '2024-12-31');
    await place(id.c, JINJIANG, id.w1, '2025-06-01', '2025-08-31');
    await place(id.d, HOUBEI, id.w2, '2025-02-01', null);
    await place(id.a, JINJIANG, id.w2, '2025-10-01', '2025-10-31');
    // At W5 after its revocation (2025-07-01): not a workshop placement any more, in the figures or the ledger.
    await place(id.d, JINJIANG, id.w5, '2025-08-01', null);
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('counts the scan funnel per step, people apart from events, inside the county', async () => {
    const result = await api.gql<{ scanFunnel: { definition: string; regionName: string; total: Funnel; groups: Funnel[] } }>(
      FUNNEL,
      { period: { year: 2025 }, groupBy: 'TARGET_KIND' },
      county,
    );
    const funnel = result.data!.scanFunnel;
    expect(funnel.definition).toContain('扫码人数只计已登录的账号');
    expect(funnel.definition).toContain('扫码后 7 天内');
    expect(funnel.regionName).toContain('资源县');
    // Scans: S1 3 + J1 2 + J3 4 + W1 1 + F1 2 + J6 1 = 13 (the seeker code and last year's fair scan are out);
    // signed in: x (S1, J3, F1), y (J1, W1) and z (S1) → 3 scanners.
    // Applications that follow a scan by the same person within 7 days: 阿/x to J1 (after S1), J3, J4 and J5
    // (after F1), 宝/y to J1 (after J1's code) = 5 by 2 people; 宝's to J5 and J2 and 丁's do not.
    // Contracts of those: J1's sent, J3's sent and active.
    expect(funnel.total).toEqual({
      scans: 13,
      scanners: 3,
      applications: 5,
      applicants: 2,
      contractsSent: 2,
      contractsActive: 1,
      peopleContracted: 1,
      applicationRate: 66.67,
      contractRate: 20,
    });
    // Year on year: last year's fair scan is the only scan of 2024 in this county.
    const yoy = result.data!.scanFunnel as unknown as {
      previousPeriod: { from: string; to: string };
      previousTotal: { scans: number };
      changes: { figure: string; label: string; current: number; previous: number; changePercent: number | null }[];
    };
    expect(yoy.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(yoy.changes.find((c) => c.figure === 'scans')).toEqual({
      figure: 'scans',
      label: '扫码次数',
      current: 13,
      previous: yoy.previousTotal.scans,
      changePercent: yoy.previousTotal.scans ? Math.round(((13 - yoy.previousTotal.scans) / yoy.previousTotal.scans) * 10000) / 100 : null,
    });
    expect(yoy.previousTotal.scans).toBe(1);
    const byKind = Object.fromEntries(funnel.groups.map((g) => [g.key, g]));
    // J1's code belongs to station S1: 3 + 2 scans; applications a, b to J1; one contract sent.
    expect(byKind.GIG_STATION).toMatchObject({
      label: '零工驿站',
      scans: 5,
      scanners: 3,
      applications: 2,
      applicants: 2,
      contractsSent: 1,
      contractsActive: 0,
    });
    expect(byKind.WORKSHOP).toMatchObject({ scans: 1, scanners: 1, applications: 0 });
    expect(byKind.JOB_FAIR).toMatchObject({ scans: 3, scanners: 1, applications: 2, applicants: 1, applicationRate: 100 });
    expect(byKind.JOB).toMatchObject({ scans: 4, scanners: 1, applications: 1, contractsSent: 1, contractsActive: 1, peopleContracted: 1, contractRate: 100 });
  });

  it('makes each step of the funnel a subset of the one before, in the total and in every group', async () => {
    for (const groupBy of ['TARGET_KIND', 'TARGET', 'TOWNSHIP']) {
      const result = await api.gql<{ scanFunnel: { total: Funnel; groups: Funnel[] } }>(FUNNEL, { period: { year: 2025 }, groupBy }, county);
      for (const f of [result.data!.scanFunnel.total, ...result.data!.scanFunnel.groups]) {
        expect(f.applicants).toBeLessThanOrEqual(f.scanners);
        expect(f.applicants).toBeLessThanOrEqual(f.applications);
        expect(f.contractsSent).toBeLessThanOrEqual(f.applications);
        expect(f.contractsActive).toBeLessThanOrEqual(f.contractsSent);
        expect(f.peopleContracted).toBeLessThanOrEqual(f.applicants);
        if (f.applicationRate !== null) expect(f.applicationRate).toBeLessThanOrEqual(100);
        if (f.contractRate !== null) expect(f.contractRate).toBeLessThanOrEqual(100);
      }
    }
  });

  it('groups the funnel per station, workshop, fair or job, and keeps township staff to their township', async () => {
    const result = await api.gql<{ scanFunnel: { total: Funnel; groups: Funnel[] } }>(FUNNEL, { period: { year: 2025 }, groupBy: 'TARGET' }, guali);
    const { total, groups } = result.data!.scanFunnel;
    expect(total.scans).toBe(12); // 猴背's J6 scan is outside 瓜里乡
    expect(total.applications).toBe(5);
    expect(groups[0]).toMatchObject({ key: `GIG_STATION:${id.s1}`, label: '零工驿站：金江零工驿站', scans: 5 });
    expect(groups.find((g) => g.key === `JOB:${id.j3}`)).toMatchObject({ label: '直接发布的岗位：直招普工', scans: 4, contractsActive: 1 });
    const townships = await api.gql<{ scanFunnel: { groups: Funnel[] } }>(FUNNEL, { period: { year: 2025 }, groupBy: 'TOWNSHIP' }, county);
    expect(townships.data!.scanFunnel.groups.map(({ key, scans, applications, contractsActive }) => ({ key, scans, applications, contractsActive }))).toEqual([
      { key: GUALI, scans: 12, applications: 5, contractsActive: 1 },
      { key: HEKOU, scans: 1, applications: 0, contractsActive: 0 },
    ]);
    const refused = await api.gql(FUNNEL, { region: GUALI, period: { year: 2025 } }, hekou);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives each fair its employers, posts, attendance and hires, and the totals with people counted once', async () => {
    const result = await api.gql<{
      fairStats: {
        definition: string;
        total: Record<string, number>;
        fairs: { name: string; date: string; employers: number; posts: number; attendance: number; hires: number }[];
      };
    }>(FAIRS, { period: { year: 2025 } }, county);
    const stats = result.data!.fairStats;
    expect(stats.definition).toContain('提供岗位数');
    expect(stats.fairs).toEqual([
      // E1 entered jobs (10 + 4), so its declared 99 is not added; E2 declared 7 without jobs.
      expect.objectContaining({ name: '春风行动专场', date: '2025-04-10', employers: 2, posts: 21, attendance: 3, hires: 2 }),
      expect.objectContaining({ name: '猴背招聘会', date: '2025-09-01', employers: 1, posts: 6, attendance: 2, hires: 0 }),
    ]);
    expect(stats.total).toEqual({ fairs: 2, employers: 3, distinctEmployers: 2, posts: 27, attendance: 5, distinctAttendees: 4, hires: 2 });

    // One definition of a fair's posts: the fair's own page says the same.
    for (const [fairId, posts] of [
      [id.f1, 21],
      [id.f2, 6],
    ] as const) {
      const page = await api.gql<{ jobFair: { totals: { posts: number }; booths: { posts: number }[] } }>(
        `query($id: ID!) { jobFair(id: $id) { totals { posts } booths { posts } } }`,
        { id: fairId },
        county,
      );
      expect(page.data?.jobFair.totals.posts).toBe(posts);
      expect(stats.fairs.find((f) => f.posts === posts)).toBeTruthy();
    }
    expect(stats.definition).toContain('尚未录入岗位的展位计其申报的岗位数');

    const township = await api.gql<{ fairStats: { total: Record<string, number> } }>(FAIRS, { period: { year: 2025 } }, hekou);
    expect(township.data!.fairStats.total).toMatchObject({ fairs: 1, posts: 6, attendance: 2, hires: 0 });
  });

  it('counts workshops, the people they employ and the lifted-out among them', async () => {
    const result = await api.gql<{
      workshopStats: {
        definition: string;
        total: Record<string, number>;
        workshops: { name: string; status: string; peopleEmployed: number; liftedOut: number; liftedOutPercent: number | null }[];
      };
    }>(WORKSHOPS, { period: { year: 2025 } }, county);
    const stats = result.data!.workshopStats;
    expect(stats.definition).toContain('期末时处于认定状态');
    // W1 and W2 certified by the end of 2025 (W3 pending, W4 from 2026, W5 revoked in 2025); W1 new in 2025.
    // People: 阿 (W1 and W2, lifted out), 春 (W1, lifted out), 丁 (W2); 宝 worked at W1 in 2024 only.
    expect(stats.total).toEqual({ workshops: 2, newlyCertified: 1, peopleEmployed: 3, liftedOut: 2, liftedOutPercent: 66.67 });
    const rows = stats.workshops.map(({ name, status, peopleEmployed, liftedOut, liftedOutPercent }) => ({
      name,
      status,
      peopleEmployed,
      liftedOut,
      liftedOutPercent,
    }));
    expect(rows.sort((x, y) => x.name.localeCompare(y.name))).toEqual(
      [
        { name: '金江帮扶车间', status: 'CERTIFIED', peopleEmployed: 2, liftedOut: 2, liftedOutPercent: 100 },
        { name: '猴背帮扶车间', status: 'CERTIFIED', peopleEmployed: 2, liftedOut: 1, liftedOutPercent: 50 },
        // Certified for half of 2025: listed, with nobody employed.
        { name: '金江四号车间', status: 'REVOKED', peopleEmployed: 0, liftedOut: 0, liftedOutPercent: null },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    );
    const before = async () =>
      (await api.gql<{ workshopStats: { total: Record<string, number> } }>(WORKSHOPS, { period: { year: 2024 } }, county)).data!.workshopStats.total;
    // At the end of 2024: W2 and W5, both certified in 2024.
    expect(await before()).toMatchObject({ workshops: 2, newlyCertified: 2 });

    // W5 certified again in 2026 (not before its revocation): 2024 and 2025 keep their figures, 2026 counts it anew.
    const CERTIFY = `mutation($input: CertifyWorkshopInput!) { certifyWorkshop(input: $input) { status certifiedOn revokedOn } }`;
    const tooEarly = await api.gql(CERTIFY, { input: { workshopId: id.w5, certifiedOn: '2025-06-01' } }, county);
    expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.certifiedOn' });
    const again = await api.gql(CERTIFY, { input: { workshopId: id.w5, certifiedOn: '2026-02-01' } }, county);
    expect(again.data).toEqual({ certifyWorkshop: { status: 'CERTIFIED', certifiedOn: '2026-02-01', revokedOn: null } });
    expect(await before()).toMatchObject({ workshops: 2, newlyCertified: 2 });
    const year2025 = await api.gql<{ workshopStats: { total: Record<string, number>; workshops: { name: string; peopleEmployed: number }[] } }>(
      WORKSHOPS,
      { period: { year: 2025 } },
      county,
    );
    expect(year2025.data!.workshopStats.total).toEqual(stats.total);
    expect(year2025.data!.workshopStats.workshops.find((w) => w.name === '金江四号车间')).toMatchObject({ peopleEmployed: 0 });
    const year2026 = await api.gql<{ workshopStats: { total: Record<string, number>; workshops: { name: string; peopleEmployed: number }[] } }>(
      WORKSHOPS,
      { period: { year: 2026 } },
      county,
    );
    // W4 (2026-01-05) and W5 again are new in 2026; 丁 at W5 since 2025-08-01 counts from its new certification on.
    expect(year2026.data!.workshopStats.total).toMatchObject({ newlyCertified: 2 });
    expect(year2026.data!.workshopStats.workshops.find((w) => w.name === '金江四号车间')).toMatchObject({ peopleEmployed: 1 });

    const township = await api.gql<{ workshopStats: { total: Record<string, number> } }>(WORKSHOPS, { period: { year: 2025 } }, guali);
    expect(township.data!.workshopStats.total).toEqual({ workshops: 1, newlyCertified: 1, peopleEmployed: 2, liftedOut: 2, liftedOutPercent: 100 });
  });

  it('exports the ledgers behind the fair and workshop figures, masked', async () => {
    const get = async (path: string, token: string) => {
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const workbook = new Workbook();
      if (response.status === 200) await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const rows: string[][] = [];
      const typed: unknown[][] = [];
      workbook.worksheets[0]?.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        typed.push(values);
        rows.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))));
      });
      return { status: response.status, rows, typed, sheet: workbook.worksheets[0], disposition: response.headers.get('content-disposition') ?? '' };
    };
    const fairs = await get('/statistics/fairs/export?year=2025', county);
    expect(fairs.status).toBe(200);
    expect(decodeURIComponent(fairs.disposition.split("UTF-8''")[1])).toBe('招聘会台账-资源县-2025-01-01至2025-12-31.xlsx');
    expect(fairs.rows.slice(1)).toEqual([
      ['春风行动专场', '2025-04-10', '春风行动专场会场', JINJIANG, '2', '21', '3', '2'],
      ['猴背招聘会', '2025-09-01', '猴背招聘会会场', HOUBEI, '1', '6', '2', '0'],
    ]);
    // Typed cells Excel can sum: counts are numbers, the date a date, the region code text; the header frozen.
    expect(fairs.typed[1]).toEqual(['春风行动专场', new Date('2025-04-10T00:00:00Z'), '春风行动专场会场', JINJIANG, 2, 21, 3, 2]);
    expect(fairs.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const funnel = await get('/statistics/funnel/export?year=2025&groupBy=TARGET_KIND', county);
    expect(funnel.status).toBe(200);
    expect(decodeURIComponent(funnel.disposition.split("UTF-8''")[1])).toBe('扫码转化-资源县-2025-01-01至2025-12-31.xlsx');
    expect(funnel.rows[1]).toEqual(['合计', '13', '3', '5', '2', '2', '1', '1']);
    expect(funnel.rows.at(-1)?.[0]).toContain('扫码人数只计已登录的账号');
    expect((await get('/statistics/funnel/export?year=2025&groupBy=NOPE', county)).status).toBe(400);
    // Every export reads its query string through one validated class: a bad year or id is refused, not a server error.
    expect((await get('/statistics/fairs/export?year=25', county)).status).toBe(400);
    expect((await get('/statistics/workshops/export?year=2025&workshopId=abc', county)).status).toBe(400);
    expect((await get('/statistics/workshops/export?year=2025&supportGroup=lifted', county)).status).toBe(400);

    const workshops = await get('/statistics/workshops/export?year=2025', county);
    expect(workshops.status).toBe(200);
    const people = workshops.rows.slice(1);
    // 阿 at W1 and at W2, 春 at W1, 丁 at W2: four placements overlapping 2025.
    expect(people.map((r) => r[0]).sort()).toEqual(['丁', '春', '阿', '阿']);
    // Start dates are dates; the (empty) end of an ongoing placement is an empty cell, not text.
    expect(workshops.typed.slice(1).every((r) => r[10] instanceof Date)).toBe(true);
    // ID numbers and phones masked unless asked for (and allowed).
    expect(people.every((r) => /^\d{4}\*+\d{4}$/.test(r[1]) && r[2].includes('*'))).toBe(true);
    const one = await get(`/statistics/workshops/export?year=2025&workshopId=${id.w2}`, county);
    expect(
      one.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['丁', '阿']);
    const outside = await get(`/statistics/workshops/export?year=2025&region=${GUALI}`, hekou);
    expect(outside.status).toBe(403);
  });
});
