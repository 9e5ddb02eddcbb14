import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The placement rollup without one lock-table entry per person (issue 16, item 2).
 *
 * Before: every writer of a person's placements or support groups took
 * `pg_advisory_xact_lock(1347571, hashtext(person))`, one entry in PostgreSQL's shared lock table
 * per person, held to commit; a default server has about 6,400 such entries for all sessions
 * together, so one statement that changed the support groups of ~6,000 people (an import, a
 * correction, `bench:matching`'s 125,000) failed with "out of shared memory" (53200).
 *
 * Now:
 * - `placement_rollup_lock(p)` locks the person's job_seeker row (`FOR NO KEY UPDATE`). A row lock
 *   lives in the row itself, not in the lock table, so a statement may hold any number of them.
 *   It conflicts with another rollup writer of that person (and with an UPDATE of the job_seeker
 *   row), not with the foreign-key checks of placement and job_seeker_support_group (KEY SHARE).
 * - The support-group trigger is per statement, with transition tables: it locks the job_seeker
 *   rows of everyone the statement touched, in id order, then moves each changed person's whole
 *   contribution from the recorded groups (placement_rollup_groups) to the live ones in one
 *   set-based statement, instead of a dozen statements per row.
 * The placement trigger is unchanged apart from the lock it takes (through placement_rollup_lock).
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

export class PlacementRollupRowLocks1795430000000 implements MigrationInterface {
  name = 'PlacementRollupRowLocks1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Same signature, so the placement trigger and placement_rollup_sync_groups take the new lock unchanged.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION placement_rollup_lock(p uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM job_seeker WHERE id = p FOR NO KEY UPDATE;
      END $$`);

    // Everyone in `seekers` whose live groups differ from the recorded ones: their placements and
    // person counts leave the recorded groups and join the live ones, all in one statement.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_sync_group_set(seekers uuid[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
      BEGIN
        -- Row locks first, in a statement of their own: once granted, the next statement's snapshot
        -- sees what the other writers of these people committed.
        -- A join, not id = ANY(seekers): on a table without statistics the planner may pick a
        -- sequential scan testing each row against the whole array (quadratic at 100,000 people).
        PERFORM 1 FROM job_seeker s JOIN unnest(seekers) AS t(id) ON s.id = t.id ORDER BY s.id FOR NO KEY UPDATE OF s;
        WITH p AS (
          SELECT DISTINCT id FROM unnest(seekers) AS id
        ), changed AS (
          -- Scalar subqueries: one index lookup per person, where a join would read all of placement_rollup_groups.
          SELECT p.id, coalesce((SELECT g.codes FROM placement_rollup_groups g WHERE g.job_seeker_id = p.id), ARRAY['NONE']::varchar[]) AS recorded,
                 coalesce((SELECT array_agg(s.support_group_code ORDER BY s.support_group_code) FROM job_seeker_support_group s WHERE s.job_seeker_id = p.id),
                          ARRAY['NONE']::varchar[]) AS live
            FROM p
        ), moves AS (
          SELECT c.id, g AS grp, -1 AS sign FROM changed c CROSS JOIN LATERAL unnest(c.recorded) AS g WHERE c.recorded <> c.live AND NOT g = ANY(c.live)
          UNION ALL
          SELECT c.id, g, 1 FROM changed c CROSS JOIN LATERAL unnest(c.live) AS g WHERE c.recorded <> c.live AND NOT g = ANY(c.recorded)
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
          DELETE FROM placement_rollup_groups g USING changed c WHERE g.job_seeker_id = c.id AND c.recorded <> c.live AND c.live = ARRAY['NONE']::varchar[]
        )
        INSERT INTO placement_rollup_groups (job_seeker_id, codes)
        SELECT id, live FROM changed WHERE recorded <> live AND live <> ARRAY['NONE']::varchar[]
        ON CONFLICT (job_seeker_id) DO UPDATE SET codes = excluded.codes;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_on_support_group_statement() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
      DECLARE
        seekers uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          seekers := ARRAY(SELECT DISTINCT job_seeker_id FROM changed_new);
        ELSIF TG_OP = 'DELETE' THEN
          seekers := ARRAY(SELECT DISTINCT job_seeker_id FROM changed_old);
        ELSE
          seekers := ARRAY(SELECT job_seeker_id FROM changed_new UNION SELECT job_seeker_id FROM changed_old);
        END IF;
        IF cardinality(seekers) > 0 THEN
          PERFORM placement_rollup_sync_group_set(seekers);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP TRIGGER placement_rollup ON job_seeker_support_group`);
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup_added AFTER INSERT ON job_seeker_support_group REFERENCING NEW TABLE AS changed_new
         FOR EACH STATEMENT EXECUTE FUNCTION placement_rollup_on_support_group_statement()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup_removed AFTER DELETE ON job_seeker_support_group REFERENCING OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION placement_rollup_on_support_group_statement()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup_changed AFTER UPDATE ON job_seeker_support_group REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION placement_rollup_on_support_group_statement()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER placement_rollup_changed ON job_seeker_support_group`);
    await queryRunner.query(`DROP TRIGGER placement_rollup_removed ON job_seeker_support_group`);
    await queryRunner.query(`DROP TRIGGER placement_rollup_added ON job_seeker_support_group`);
    await queryRunner.query(`DROP FUNCTION placement_rollup_on_support_group_statement()`);
    await queryRunner.query(`DROP FUNCTION placement_rollup_sync_group_set(uuid[])`);
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup AFTER INSERT OR UPDATE OR DELETE ON job_seeker_support_group FOR EACH ROW EXECUTE FUNCTION placement_rollup_on_support_group()`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION placement_rollup_lock(p uuid) RETURNS void LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(1347571, hashtext(p::text)) $$`);
  }
}
