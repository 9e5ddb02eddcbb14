import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The support-group sync of the placement rollup as grouped joins over the statement's
 * transition table (issue 16, item 2).
 *
 * Before: the statement trigger gathered the people a statement touched into a uuid[] and
 * `placement_rollup_sync_group_set` looked each one up: two scalar subqueries per person (the
 * recorded and the live groups), planned for an array whose size the planner cannot see. At
 * 100,000 people that was 200,000 index probes besides the counting.
 *
 * Now each trigger (INSERT, DELETE, UPDATE) reads its transition table itself, whose row count
 * the planner knows, and the live groups are one grouped join of job_seeker_support_group with
 * those people (a hash join at scale, an index nested loop for a handful), joined with
 * placement_rollup_groups; the moves, counts and recorded groups follow in the same statement as
 * before, planned afresh on each call so that the planner sees the sizes of the moment. The row
 * locks (in id order, before the counting statement's snapshot) are unchanged.
 * The three functions come from one template: PL/pgSQL cannot name a transition table that the
 * firing trigger does not have.
 */
const MASKS = [
  ['total', 'TOTAL', ''],
  ['in_county', 'DESTINATION', 'IN_COUNTY'],
  ['in_province', 'DESTINATION', 'IN_PROVINCE'],
  ['out_of_province', 'DESTINATION', 'OUT_OF_PROVINCE'],
  ['contract', 'SOURCE', 'CONTRACT'],
  ['gig', 'SOURCE', 'GIG'],
  ['public_welfare', 'SOURCE', 'PUBLIC_WELFARE'],
  ['workshop', 'SOURCE', 'WORKSHOP'],
  ['self_found', 'SOURCE', 'SELF_FOUND'],
  ['transferred_out', 'SOURCE', 'TRANSFERRED_OUT'],
] as const;
const unpivot = (alias: string) =>
  `(VALUES ${MASKS.map(([column, kind, key]) => `('${kind}', '${key}', ${alias}.${column})`).join(', ')}) u(kind, key, months)`;
const UPSERT = `ON CONFLICT (year, span, grp, kind, key, region_code) DO UPDATE SET people = r.people + excluded.people, placements = r.placements + excluded.placements`;
const NONE = `ARRAY['NONE']::varchar[]`;

/** The people a statement touched, from its transition table(s). */
const TRIGGERS = [
  {
    op: 'INSERT',
    fn: 'placement_rollup_on_groups_added',
    trigger: 'placement_rollup_added',
    people: 'SELECT job_seeker_id FROM changed_new',
    referencing: 'NEW TABLE AS changed_new',
  },
  {
    op: 'DELETE',
    fn: 'placement_rollup_on_groups_removed',
    trigger: 'placement_rollup_removed',
    people: 'SELECT job_seeker_id FROM changed_old',
    referencing: 'OLD TABLE AS changed_old',
  },
  {
    op: 'UPDATE',
    fn: 'placement_rollup_on_groups_changed',
    trigger: 'placement_rollup_changed',
    people: 'SELECT job_seeker_id FROM changed_new UNION ALL SELECT job_seeker_id FROM changed_old',
    referencing: 'NEW TABLE AS changed_new OLD TABLE AS changed_old',
  },
] as const;

/** Moves everyone in `people` whose live groups differ from the recorded ones: their counts leave the recorded groups and join the live ones. */
const syncFunction = (fn: string, people: string) => `
  CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
  BEGIN
    -- Both statements are planned afresh on each call (EXECUTE): a plan cached in the session
    -- (an import's connection runs a hundred batches) would keep the join it chose while the tables
    -- were small, a nested loop over a sequential scan, and each batch would read them whole.
    -- Row locks first, in a statement of their own: once granted, the next statement's snapshot
    -- sees what the other writers of these people committed.
    EXECUTE $lock$ SELECT 1 FROM job_seeker s WHERE s.id IN (${people}) ORDER BY s.id FOR NO KEY UPDATE OF s $lock$;
    EXECUTE $sync$
    WITH p AS (
      SELECT DISTINCT job_seeker_id AS id FROM (${people}) t
    ), live AS (
      SELECT g.job_seeker_id AS id, array_agg(g.support_group_code ORDER BY g.support_group_code)::varchar[] AS codes
        FROM job_seeker_support_group g JOIN p ON p.id = g.job_seeker_id
       GROUP BY g.job_seeker_id
    ), changed AS (
      SELECT p.id, coalesce(r.codes, ${NONE}) AS recorded, coalesce(l.codes, ${NONE}) AS live
        FROM p
        LEFT JOIN placement_rollup_groups r ON r.job_seeker_id = p.id
        LEFT JOIN live l ON l.id = p.id
       WHERE coalesce(r.codes, ${NONE}) <> coalesce(l.codes, ${NONE})
    ), moves AS (
      SELECT c.id, g AS grp, -1 AS sign FROM changed c CROSS JOIN LATERAL unnest(c.recorded) AS g WHERE NOT g = ANY(c.live)
      UNION ALL
      SELECT c.id, g, 1 FROM changed c CROSS JOIN LATERAL unnest(c.live) AS g WHERE NOT g = ANY(c.recorded)
    ), counted AS (
      INSERT INTO placement_rollup AS r (year, span, grp, kind, key, region_code, people, placements)
      SELECT year, span, grp, kind, key, region_code, sum(people), sum(placements)
        FROM (SELECT s.year, sp.span, m.grp, u.kind, u.key, s.region_code, m.sign AS people, 0 AS placements
                FROM moves m
                JOIN placement_rollup_person s ON s.job_seeker_id = m.id
               CROSS JOIN LATERAL ${unpivot('s')}
                JOIN placement_rollup_span sp ON u.months & sp.mask <> 0
              UNION ALL
              SELECT y.year, sp.span, m.grp, d.kind, d.key, y.region_code, 0, m.sign
                FROM moves m
                JOIN placement_rollup_year y ON y.job_seeker_id = m.id
                JOIN placement_rollup_span sp ON y.months & sp.mask <> 0
               CROSS JOIN LATERAL (VALUES ('TOTAL', ''), ('DESTINATION', y.destination), ('SOURCE', y.source)) d(kind, key)) x
       GROUP BY year, span, grp, kind, key, region_code
      HAVING sum(people) <> 0 OR sum(placements) <> 0
       ORDER BY 1, 2, 3, 4, 5, 6
      ${UPSERT}
    ), dropped AS (
      DELETE FROM placement_rollup_groups g USING changed c WHERE g.job_seeker_id = c.id AND c.live = ${NONE}
    )
    INSERT INTO placement_rollup_groups (job_seeker_id, codes)
    SELECT id, live FROM changed WHERE live <> ${NONE}
    ON CONFLICT (job_seeker_id) DO UPDATE SET codes = excluded.codes
    $sync$;
    RETURN NULL;
  END $$`;

export class PlacementRollupGroupedSync1795700000000 implements MigrationInterface {
  name = 'PlacementRollupGroupedSync1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) {
      await queryRunner.query(syncFunction(t.fn, t.people));
      await queryRunner.query(`DROP TRIGGER ${t.trigger} ON job_seeker_support_group`);
      await queryRunner.query(
        `CREATE TRIGGER ${t.trigger} AFTER ${t.op} ON job_seeker_support_group REFERENCING ${t.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${t.fn}()`,
      );
    }
    // placement_rollup_on_support_group_statement and placement_rollup_sync_group_set stay for down().
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER ${t.trigger} ON job_seeker_support_group`);
      await queryRunner.query(
        `CREATE TRIGGER ${t.trigger} AFTER ${t.op} ON job_seeker_support_group REFERENCING ${t.referencing} FOR EACH STATEMENT EXECUTE FUNCTION placement_rollup_on_support_group_statement()`,
      );
      await queryRunner.query(`DROP FUNCTION ${t.fn}()`);
    }
  }
}
