import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SignJWT } from 'jose';

import { addShift, gigWorld, seeker } from '../builders/gig.builder';
import { daysFromToday } from '../builders/job.builder';
import { buildOnce, freePort, spawnApi, type SpawnedApi } from '../support/spawn-api';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app';

const CALLERS = 1000;
const SLOTS = 10;

const serverOnly = process.env.JOBCODE_TEST_STATE?.includes('"mode":"server"') ? describe : describe.skip;

/**
 * Seeker accounts with registrations and sessions written in bulk (signing 1,000 people in
 * one by one would spend minutes hashing passwords), each with its own access token.
 */
async function racers(api: TestApp, template: { accountId: string; jobSeekerId: string }, count: number): Promise<string[]> {
  await api.dataSource.query(
    `INSERT INTO account (role, phone_hash, phone_encrypted, name, password_hash)
     SELECT 'SEEKER', encode(sha256(convert_to('race-phone-' || g, 'UTF8')), 'hex'), t.phone_encrypted, '抢单' || g, t.password_hash
       FROM generate_series(1, $1::int) g, (SELECT phone_encrypted, password_hash FROM account WHERE id = $2) t`,
    [count, template.accountId],
  );
  await api.dataSource.query(
    `INSERT INTO job_seeker (account_id, name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity, channel, registered_by)
     SELECT a.id, a.name, encode(sha256(convert_to('race-id-' || a.id, 'UTF8')), 'hex'), s.id_number_encrypted, s.birth_date, s.sex,
            encode(sha256(convert_to('race-ph-' || a.id, 'UTF8')), 'hex'), s.phone_encrypted, s.region_code, s.labor_capacity, s.channel, a.id
       FROM account a, job_seeker s WHERE a.name LIKE '抢单%' AND s.id = $1`,
    [template.jobSeekerId],
  );
  const sessions = (await api.dataSource.query(
    `INSERT INTO session (account_id, expires_at) SELECT id, now() + interval '1 day' FROM account WHERE name LIKE '抢单%' RETURNING id, account_id`,
  )) as { id: string; account_id: string }[];
  const key = new TextEncoder().encode(TEST_SECRETS.jwtSecret);
  return Promise.all(
    sessions.map((s) =>
      new SignJWT({ role: 'SEEKER', region: null, sid: s.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(s.account_id)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  );
}

serverOnly('gig booking race: two API processes on one PostgreSQL', () => {
  let api: TestApp;
  const replicas: SpawnedApi[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcode-gig-race-'));

  beforeAll(() => buildOnce());
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${CALLERS} concurrent bookShift calls for ${SLOTS} slots: exactly ${SLOTS} booked, every other caller told the shift is full`, async () => {
    api = await startTestApp();
    const world = await gigWorld(api);
    const shiftId = await addShift(api, world.farm.token, world.jobId, { date: daysFromToday(2), slots: SLOTS, instantHiring: true });
    const tokens = await racers(api, await seeker(api, '样板'), CALLERS);
    expect(tokens).toHaveLength(CALLERS);

    const env = {
      DATABASE_URL: api.databaseUrl,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_SECRETS.jwtSecret,
      PII_ENCRYPTION_KEY: TEST_SECRETS.piiEncryptionKey,
      PII_HASH_KEY: TEST_SECRETS.piiHashKey,
      RATE_LIMIT_PER_MINUTE: '100000',
    };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) replicas.push(spawnApi({ ...env, PORT: String(port) }));
    await Promise.all(replicas.map((r) => r.ready()));

    // Warm both processes (database pools filled, code paths compiled) so the race measures booking, not start-up.
    await Promise.all(
      ports.flatMap((port) =>
        Array.from({ length: 40 }, () =>
          fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `query($id: ID!) { gigStationBoard(stationId: $id) { shift { id } } }`, variables: { id: world.stationId } }),
          }).then((r) => r.json()),
        ),
      ),
    );

    const started = Date.now();
    const answers = await Promise.all(
      tokens.map(async (token, i) => {
        const response = await fetch(`http://127.0.0.1:${ports[i % 2]}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: `mutation($input: BookShiftInput!) { bookShift(input: $input) { id status } }`, variables: { input: { shiftId } } }),
        });
        return (await response.json()) as { data?: { bookShift: { status: string } } | null; errors?: { message: string; extensions?: { reason?: string } }[] };
      }),
    );
    const elapsed = Date.now() - started;
    const booked = answers.filter((a) => a.data?.bookShift?.status === 'CONFIRMED').length;
    const full = answers.filter((a) => a.errors?.[0]?.extensions?.reason === 'SHIFT_FULL').length;
    const other = answers.filter((a) => !a.data?.bookShift && a.errors?.[0]?.extensions?.reason !== 'SHIFT_FULL');
    const [row] = (await api.dataSource.query(
      `SELECT (SELECT booked_count FROM job_shift WHERE id = $1) AS "bookedCount", (SELECT count(*)::int FROM gig_booking WHERE shift_id = $1) AS bookings`,
      [shiftId],
    )) as { bookedCount: number; bookings: number }[];
    console.log(
      `gig booking race: ${CALLERS} concurrent bookShift calls over 2 API processes for ${SLOTS} slots in ${elapsed} ms → ` +
        `${booked} booked, ${full} told SHIFT_FULL, ${other.length} other; job_shift.booked_count = ${row.bookedCount}, gig_booking rows = ${row.bookings}`,
    );
    expect(other.map((a) => a.errors?.[0]?.message)).toEqual([]);
    expect(booked).toBe(SLOTS);
    expect(full).toBe(CALLERS - SLOTS);
    expect(row).toEqual({ bookedCount: SLOTS, bookings: SLOTS });
    const message = answers.find((a) => a.errors)?.errors?.[0]?.message;
    expect(message).toBe(`这个班次的 ${SLOTS} 个名额已经约满，请另选班次`);
  }, 400_000);
});
