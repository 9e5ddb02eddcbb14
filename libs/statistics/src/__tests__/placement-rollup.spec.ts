import { AccountsModule } from '@jobcode/accounts';
import { AuditModule } from '@jobcode/audit';
import { type Actor, Role } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { NotificationsModule } from '@jobcode/notifications';
import { OutboxModule } from '@jobcode/outbox';
import { PersonalDataModule } from '@jobcode/personal-data';
import { PhoneCodesModule } from '@jobcode/phone-codes';
import { RateLimitModule } from '@jobcode/rate-limit';
import { RegionsModule } from '@jobcode/regions';

import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { testState } from '../../../../test/support/test-state';
import { type PlacementStatsObject } from '../placement-stats.object';
import { StatisticsModule } from '../statistics.module';
import { StatisticsService } from '../statistics.service';
import { StatsGroupBy } from '../stats-group-by';

/** mulberry32: the same "random" county on every run (the seed is in the test name). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261122;
const DESTINATIONS = ['IN_COUNTY', 'IN_PROVINCE', 'OUT_OF_PROVINCE'];
const SOURCES = ['CONTRACT', 'GIG', 'PUBLIC_WELFARE', 'WORKSHOP', 'SELF_FOUND', 'TRANSFERRED_OUT'];
const GROUPS = ['LIFTED_OUT', 'MONITORED'];
const ADMIN: Actor = { accountId: '00000000-0000-0000-0000-000000000001', role: Role.ADMIN, regionCode: null, sessionId: 'rollup-test' };

/** Comparable figures: labels aside, exactly what a dashboard shows. */
function figures(stats: PlacementStatsObject): unknown {
  return {
    total: stats.total,
    groups: stats.groups.map(({ key, people, placements, previousPeople, previousPlacements, changePercent }) => ({
      key,
      people,
      placements,
      previousPeople,
      previousPlacements,
      changePercent,
    })),
  };
}

/**
 * The rollup must give the placement rows' answers whatever path wrote them: random placements
 * (open ones, ones past the horizon, people under two home villages), then endings, corrections,
 * deletions and support-group changes, then every period × region × grouping compared with the
 * raw query — and the trigger-kept tables compared with a rebuild from scratch.
 */
describe(`placement rollup (seed ${SEED})`, () => {
  let api: TestModule;
  let stats: StatisticsService;
  let villages: string[];
  let townships: string[];
  let horizon: number;
  const random = prng(SEED);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const day = (from: string, spanDays: number) => new Date(Date.parse(from) + Math.floor(random() * spanDays) * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    // StatisticsService and what its module's providers need; no HTTP server, no GraphQL.
    api = await startTestModule(
      [StatisticsModule, RegionsModule, PersonalDataModule, PhoneCodesModule, NotificationsModule, OutboxModule, RateLimitModule, AccountsModule, AuditModule],
      { env: { DATABASE_STATEMENT_TIMEOUT_MS: '0' } }, // bulk statements over 100,000 people, as a migration or an import would run them
    );
    stats = api.app.get(StatisticsService);
    const q = api.dataSource;
    villages = ((await q.query(`SELECT code FROM region WHERE code LIKE '450329%' AND length(code) = 12 ORDER BY code`)) as { code: string }[]).map(
      (r) => r.code,
    );
    townships = [...new Set(villages.map((v) => v.slice(0, 9)))];
    [{ horizon }] = (await q.query('SELECT horizon_year::int AS horizon FROM placement_rollup_state')) as { horizon: number }[];

    const people: { id: string; village: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const village = pick(villages);
      const [row] = (await q.query(
        `INSERT INTO job_seeker (name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity, channel)
         VALUES ($1::varchar, md5($1::text) || md5($1::text || 'x'), 'x', '1980-01-01', 'MALE', md5($1::text || 'p') || md5($1::text || 'q'), 'x', $2, 'FULL', 'IMPORT') RETURNING id`,
        [`rollup-${SEED}-${i}`, village],
      )) as { id: string }[];
      people.push({ id: row.id, village });
      for (const group of GROUPS) {
        if (random() < 0.3) await q.query('INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) VALUES ($1, $2)', [row.id, group]);
      }
    }
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const person = pick(people);
      const start = day(`${horizon - 4}-01-01`, 365 * 5 + 200);
      const roll = random();
      const end = roll < 0.2 ? null : roll < 0.3 ? start : day(start, 400);
      // One in ten under another home village: the person moved between records.
      const village = random() < 0.1 ? pick(villages) : person.village;
      const [row] = (await q.query(
        `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date, end_date)
         VALUES ($1, $2, '441900', $3, $4, $5, $6) RETURNING id`,
        [person.id, village, pick(DESTINATIONS), pick(SOURCES), start, end],
      )) as { id: string }[];
      ids.push(row.id);
    }
    // Changes by every path a placement or a group can take.
    for (let i = 0; i < 100; i++) {
      const id = pick(ids);
      const what = random();
      if (what < 0.3) {
        await q.query(`UPDATE placement SET end_date = GREATEST(start_date, LEAST(coalesce(end_date, $2::date), $2::date)) WHERE id = $1`, [
          id,
          day(`${horizon - 3}-01-01`, 900),
        ]);
      } else if (what < 0.45) {
        await q.query('DELETE FROM placement WHERE id = $1', [id]);
      } else if (what < 0.6) {
        await q.query('UPDATE placement SET home_region_code = $2, destination = $3 WHERE id = $1', [id, pick(villages), pick(DESTINATIONS)]);
      } else if (what < 0.7) {
        await q.query('UPDATE placement SET end_date = NULL, source = $2 WHERE id = $1', [id, pick(SOURCES)]);
      } else if (what < 0.8) {
        await q.query(`UPDATE placement SET start_date = $2::date, end_date = CASE WHEN end_date < $2::date THEN $2::date ELSE end_date END WHERE id = $1`, [
          id,
          day(`${horizon - 4}-06-01`, 700),
        ]);
      } else if (what < 0.9) {
        await q.query('INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          pick(people).id,
          pick(GROUPS),
        ]);
      } else {
        await q.query('DELETE FROM job_seeker_support_group WHERE job_seeker_id = $1 AND support_group_code = $2', [pick(people).id, pick(GROUPS)]);
      }
    }
    // A group renamed in place, and a person's whole record deleted (placements and groups cascade).
    await q.query(
      `UPDATE job_seeker_support_group SET support_group_code = 'MONITORED' WHERE (job_seeker_id, support_group_code) IN (
         SELECT job_seeker_id, 'LIFTED_OUT' FROM job_seeker_support_group g WHERE support_group_code = 'LIFTED_OUT'
            AND NOT EXISTS (SELECT 1 FROM job_seeker_support_group h WHERE h.job_seeker_id = g.job_seeker_id AND h.support_group_code = 'MONITORED') LIMIT 1)`,
    );
    await q.query('DELETE FROM job_seeker WHERE id = $1', [people[0].id]);
  }, 180_000);

  afterAll(async () => {
    await api.close();
  });

  it('holds people under two home villages in a year (the case the village sums must correct)', async () => {
    const [{ movers }] = (await api.dataSource.query('SELECT count(*)::int AS movers FROM placement_rollup_mover')) as { movers: number }[];
    expect(movers).toBeGreaterThan(0);
  });

  it('answers every dashboard question exactly as the placement rows do', async () => {
    const year = horizon - 1;
    const periods = [
      { year: year - 2 },
      { year: year - 1 },
      { year },
      { year: horizon },
      { from: `${year}-01-01`, to: `${year}-03-31` },
      { from: `${year}-04-01`, to: `${year}-06-30` },
      { from: `${year}-10-01`, to: `${year}-12-31` },
      { from: `${year}-07-01`, to: `${year}-12-31` },
      { from: `${year}-02-01`, to: `${year}-02-${new Date(Date.UTC(year, 2, 0)).getUTCDate()}` },
      { from: `${year - 1}-11-01`, to: `${year - 1}-11-30` },
    ];
    const regions = [null, '450329', townships[0], townships[townships.length - 1], villages[0]];
    const groupings = [null, StatsGroupBy.DESTINATION, StatsGroupBy.SOURCE, StatsGroupBy.TOWNSHIP, StatsGroupBy.SUPPORT_GROUP, StatsGroupBy.MONTH];
    let compared = 0;
    for (const period of periods) {
      for (const region of regions) {
        for (const groupBy of groupings) {
          for (const supportGroup of [null, 'LIFTED_OUT', 'MONITORED']) {
            if (groupBy === StatsGroupBy.SUPPORT_GROUP && supportGroup) continue;
            const query = { region, period, groupBy, supportGroup };
            const fromRollup = await stats.placementStats(ADMIN, query);
            const fromRows = await stats.placementStats(ADMIN, query, { rollup: false });
            expect({ query, ...(figures(fromRollup) as object) }).toEqual({ query, ...(figures(fromRows) as object) });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(periods.length * regions.length * (groupings.length * 3 - 2));
  });

  it('reads the rollup for a whole year (a changed rollup row changes the answer)', async () => {
    const year = horizon - 1;
    const before = await stats.placementStats(ADMIN, { region: '450329', period: { year } });
    await api.dataSource.query(
      `UPDATE placement_rollup SET placements = placements + 1000 WHERE year = $1 AND span = 0 AND grp = '*' AND kind = 'TOTAL' AND region_code = $2`,
      [year, villages[0]],
    );
    const after = await stats.placementStats(ADMIN, { region: '450329', period: { year } });
    await api.dataSource.query(
      `UPDATE placement_rollup SET placements = placements - 1000 WHERE year = $1 AND span = 0 AND grp = '*' AND kind = 'TOTAL' AND region_code = $2`,
      [year, villages[0]],
    );
    expect(after.total.placements).toBe(before.total.placements + 1000);
  });

  it('keeps on every write what a rebuild from scratch computes', async () => {
    const snapshot = async () => ({
      counts: (await api.dataSource.query(
        `SELECT year, span, grp, kind, key, region_code, people, placements FROM placement_rollup WHERE people <> 0 OR placements <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      )) as unknown[],
      people: (await api.dataSource.query(`SELECT * FROM placement_rollup_person ORDER BY job_seeker_id, year, region_code`)) as unknown[],
      movers: (await api.dataSource.query(`SELECT * FROM placement_rollup_mover ORDER BY 1, 2`)) as unknown[],
    });
    const kept = await snapshot();
    expect(kept.counts.length).toBeGreaterThan(100);
    await api.dataSource.query('SELECT placement_rollup_rebuild($1)', [horizon]);
    expect(await snapshot()).toEqual(kept);
  });

  it('stays exact when writers of the same people run at once', async () => {
    const people = ((await api.dataSource.query('SELECT id FROM job_seeker ORDER BY id LIMIT 4')) as { id: string }[]).map((r) => r.id);
    const year = horizon - 1;
    // Each writer inserts, then ends, one placement in its own transaction; same four people throughout.
    // inTransaction, as the services use it, retries a transaction PostgreSQL picked as a deadlock victim.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        inTransaction(api.dataSource, async (manager) => {
          const [row] = (await manager.query(
            `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date)
             VALUES ($1, $2, '441900', $3, 'SELF_FOUND', $4) RETURNING id`,
            [people[i % 4], villages[i % 3], DESTINATIONS[i % 3], `${year}-${String(1 + (i % 12)).padStart(2, '0')}-10`],
          )) as { id: string }[];
          if (i % 2) await manager.query(`UPDATE placement SET end_date = start_date + 40 WHERE id = $1`, [row.id]);
        }),
      ),
    );
    const counts = () =>
      api.dataSource.query(
        `SELECT year, span, grp, kind, key, region_code, people, placements FROM placement_rollup WHERE people <> 0 OR placements <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      );
    const kept = await counts();
    await api.dataSource.query('SELECT placement_rollup_rebuild($1)', [horizon]);
    expect(await counts()).toEqual(kept);
  });

  it('stays exact when group changes and placement writes of the same people run at once', async () => {
    const people = ((await api.dataSource.query('SELECT id FROM job_seeker ORDER BY id LIMIT 3')) as { id: string }[]).map((r) => r.id);
    const year = horizon - 1;
    await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        inTransaction(api.dataSource, async (manager) => {
          const person = people[i % 3];
          if (i % 3 === 0) {
            await manager.query(
              `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date)
               VALUES ($1, $2, '441900', 'IN_COUNTY', 'GIG', $3)`,
              [person, villages[i % 2], `${year}-${String(1 + (i % 12)).padStart(2, '0')}-03`],
            );
          } else if (i % 3 === 1) {
            await manager.query('DELETE FROM job_seeker_support_group WHERE job_seeker_id = $1', [person]);
            await manager.query(`INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
              person,
              GROUPS[i % 2],
            ]);
          } else {
            await manager.query(
              `INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING`,
              [person, GROUPS],
            );
          }
        }),
      ),
    );
    const counts = () =>
      api.dataSource.query(
        `SELECT year, span, grp, kind, key, region_code, people, placements FROM placement_rollup WHERE people <> 0 OR placements <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      );
    const kept = await counts();
    await api.dataSource.query('SELECT placement_rollup_rebuild($1)', [horizon]);
    expect(await counts()).toEqual(kept);
  });

  // Before issue 16 each person took an advisory lock held to commit; a default server's lock
  // table (about 6,400 entries) then failed such a statement with "out of shared memory".
  it('moves 100,000 people (10,000 embedded) between support groups in one statement, and stays exact', async () => {
    const q = api.dataSource;
    // On a server 100,000 (the size). The embedded database writes several times slower,
    // so there 10,000: still more people than a default lock table has entries (~6,400).
    const N = testState().mode === 'server' ? 100_000 : 10_000;
    await q.query(
      `INSERT INTO job_seeker (name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity, channel)
       SELECT 'bulk-' || i, md5('bulk-id' || i) || md5('bulk-i' || i), 'x', '1980-01-01', 'FEMALE', md5('bulk-p' || i) || md5('bulk-q' || i), 'x',
              ($1::varchar[])[1 + i % cardinality($1::varchar[])], 'FULL', 'IMPORT'
         FROM generate_series(1, $2::int) AS i`,
      [villages, N],
    );
    // Every 200th of them has a placement, so the move carries counts.
    await q.query(
      `INSERT INTO placement (job_seeker_id, home_region_code, workplace_region_code, destination, source, start_date, end_date)
       SELECT id, region_code, '441900', 'OUT_OF_PROVINCE', 'SELF_FOUND', make_date($1, 1 + (hashtext(name) & 7), 5), CASE WHEN hashtext(name) & 1 = 0 THEN NULL ELSE make_date($1, 11, 20) END
         FROM job_seeker WHERE name LIKE 'bulk-%' AND hashtext(name) % 200 = 0`,
      [horizon - 1],
    );
    const bulkPeople = `SELECT id FROM job_seeker WHERE name LIKE 'bulk-%'`;
    const monitored = async () => (await stats.placementStats(ADMIN, { period: { year: horizon - 1 }, supportGroup: 'MONITORED' })).total;
    const before = await monitored();
    await q.query(`INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) SELECT id, 'MONITORED' FROM (${bulkPeople}) b`);
    const [{ withPlacements }] = (await q.query(
      `SELECT count(DISTINCT p.job_seeker_id)::int AS "withPlacements" FROM placement p JOIN job_seeker s ON s.id = p.job_seeker_id
        WHERE s.name LIKE 'bulk-%' AND p.start_date <= make_date($1, 12, 31)`,
      [horizon - 1],
    )) as { withPlacements: number }[];
    expect(withPlacements).toBeGreaterThan(N / 400);
    expect((await monitored()).people).toBe(before.people + withPlacements);
    expect(await stats.placementStats(ADMIN, { period: { year: horizon - 1 }, supportGroup: 'MONITORED' })).toEqual(
      await stats.placementStats(ADMIN, { period: { year: horizon - 1 }, supportGroup: 'MONITORED' }, { rollup: false }),
    );
    // Renamed in place, then removed, each in one statement.
    await q.query(`UPDATE job_seeker_support_group SET support_group_code = 'LIFTED_OUT' WHERE support_group_code = 'MONITORED' AND job_seeker_id IN (${bulkPeople})
                     AND NOT EXISTS (SELECT 1 FROM job_seeker_support_group h WHERE h.job_seeker_id = job_seeker_support_group.job_seeker_id AND h.support_group_code = 'LIFTED_OUT')`);
    await q.query(`DELETE FROM job_seeker_support_group WHERE job_seeker_id IN (${bulkPeople}) AND hashtext(job_seeker_id::text) % 2 = 0`);
    expect(await monitored()).toEqual(before);
    const counts = () =>
      q.query(
        `SELECT year, span, grp, kind, key, region_code, people, placements FROM placement_rollup WHERE people <> 0 OR placements <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      );
    const groupsKept = () => q.query(`SELECT job_seeker_id, codes FROM placement_rollup_groups ORDER BY 1`);
    const kept = [await counts(), await groupsKept()];
    await q.query('SELECT placement_rollup_rebuild($1)', [horizon]);
    expect([await counts(), await groupsKept()]).toEqual(kept);
  }, 300_000);

  it('extends the horizon: open placements then count in the new year', async () => {
    const next = { year: horizon + 1 };
    const fromRows = await stats.placementStats(ADMIN, { period: next, groupBy: StatsGroupBy.DESTINATION }, { rollup: false });
    expect(fromRows.total.people).toBeGreaterThan(0);
    expect(await stats.extendRollup(horizon + 1)).toBe(true);
    expect(await stats.extendRollup(horizon + 1)).toBe(false);
    const counted = (await api.dataSource.query(`SELECT coalesce(sum(people), 0)::int AS n FROM placement_rollup WHERE year = $1`, [horizon + 1])) as {
      n: number;
    }[];
    expect(counted[0].n).toBeGreaterThan(0);
    expect(figures(await stats.placementStats(ADMIN, { period: next, groupBy: StatsGroupBy.DESTINATION }))).toEqual(figures(fromRows));
  });
});
