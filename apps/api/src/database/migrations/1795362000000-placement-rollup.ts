import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The placement rollup behind placementStats (README, "Statistics at 5M placements").
 *
 * - `placement_rollup`: people and placements per year, span (0 = year, 1–12 = month, 21–24 = quarter,
 *   31/32 = half year), support group ('*' = everyone, a code, or 'NONE'), dimension (TOTAL, DESTINATION,
 *   SOURCE) and home village. Placements add up across villages; people add up across villages too,
 *   except for people with placements under two home villages in one year ("movers"), whom
 *   `placement_rollup_mover` lists so the query subtracts the double count.
 * - `placement_rollup_person`: per person, year and home village, a 12-bit mask of the months with
 *   a placement, overall and per destination and source. It tells whether a write changes the person
 *   count of a span: the trigger recomputes the person's masks from their placements, compares them
 *   with the stored ones and applies the difference.
 * - `placement_rollup_groups`: the support groups each person is counted under (absent = 'NONE').
 *   A group change moves the person's whole contribution from the recorded groups to the new ones.
 * - Open placements count up to `placement_rollup_state.horizon_year`; periods after the horizon are
 *   answered from the placement table. `placement_rollup_extend(year)` moves the horizon.
 *
 * Triggers on placement and job_seeker_support_group (and one on job_seeker that deletes a person's
 * placements before the cascades) keep everything exact in the writing transaction, whatever path
 * writes (contract, gig, staff entry, ending, correction, deletion, group change). Writers of one
 * person serialise on an advisory lock; count rows are upserted in key order.
 * `placement_rollup_rebuild(horizon)` builds it all from scratch with set-based SQL (this migration's
 * backfill, and the benchmark's load).
 */

/** Spans: code and 12-bit month mask (bit 0 = January). */
export const ROLLUP_SPANS: [number, number][] = [
  [0, 0xfff],
  ...Array.from({ length: 12 }, (_, i) => [i + 1, 1 << i] as [number, number]),
  [21, 0x007],
  [22, 0x038],
  [23, 0x1c0],
  [24, 0xe00],
  [31, 0x03f],
  [32, 0xfc0],
];

/** The person-mask columns and the dimension value each one counts. */
const MASKS: [string, string, string][] = [
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
];

const maskAggregates = MASKS.map(([column, kind, key]) =>
  kind === 'TOTAL'
    ? `bit_or(months) AS ${column}`
    : `coalesce(bit_or(months) FILTER (WHERE ${kind === 'DESTINATION' ? 'destination' : 'source'} = '${key}'), 0) AS ${column}`,
).join(', ');
const unpivot = (alias: string) =>
  `(VALUES ${MASKS.map(([column, kind, key]) => `('${kind}', '${key}', ${alias}.${column})`).join(', ')}) u(kind, key, months)`;
const spanCounts = (mask: string) => `ARRAY[${ROLLUP_SPANS.map(([, m]) => `count(*) FILTER (WHERE ${mask} & ${m} <> 0)`).join(', ')}]::int[]`;
/** People per mask column and span in one pass: element d * spans + i counts column d's persons in span i. */
const personSpanCounts = `ARRAY[${MASKS.flatMap(([column]) => ROLLUP_SPANS.map(([, m]) => `count(*) FILTER (WHERE s.${column} & ${m} <> 0)`)).join(', ')}]::int[]`;
const DIM_KINDS = `ARRAY[${MASKS.map(([, kind]) => `'${kind}'`).join(', ')}]::varchar[]`;
const DIM_KEYS = `ARRAY[${MASKS.map(([, , key]) => `'${key}'`).join(', ')}]::varchar[]`;
const SPAN_CODES = `ARRAY[${ROLLUP_SPANS.map(([s]) => s).join(', ')}]::smallint[]`;
/** A person's groups as rollup keys: '*' and each code, or '*' and 'NONE'. */
const GROUPS_OF = (codes: string) => `unnest(CASE WHEN ${codes} IS NULL THEN ARRAY['*', 'NONE']::varchar[] ELSE ARRAY['*']::varchar[] || ${codes} END)`;
const UPSERT = `ON CONFLICT (year, span, grp, kind, key, region_code) DO UPDATE SET people = r.people + excluded.people, placements = r.placements + excluded.placements`;

export class PlacementRollup1795362000000 implements MigrationInterface {
  name = 'PlacementRollup1795362000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "placement_rollup_span" ("span" smallint PRIMARY KEY, "mask" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "placement_rollup_span" VALUES ${ROLLUP_SPANS.map(([s, m]) => `(${s}, ${m})`).join(', ')}`);
    await queryRunner.query(
      `CREATE TABLE "placement_rollup_state" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "horizon_year" smallint NOT NULL CHECK ("horizon_year" BETWEEN 2000 AND 2100))`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_rollup_person" ("job_seeker_id" uuid NOT NULL, "year" smallint NOT NULL, "region_code" varchar(12) NOT NULL, ${MASKS.map(([c]) => `"${c}" integer NOT NULL`).join(', ')}, PRIMARY KEY ("job_seeker_id", "year", "region_code"))`,
    );
    await queryRunner.query(`CREATE TABLE "placement_rollup_groups" ("job_seeker_id" uuid PRIMARY KEY, "codes" varchar(40)[] NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE "placement_rollup_mover" ("year" smallint NOT NULL, "job_seeker_id" uuid NOT NULL, PRIMARY KEY ("year", "job_seeker_id"))`,
    );
    // Every placement write updates a few hundred count rows in place; free room in each page keeps
    // those updates HOT (no new index entries).
    await queryRunner.query(
      `CREATE TABLE "placement_rollup" ("year" smallint NOT NULL, "span" smallint NOT NULL, "grp" varchar(40) NOT NULL, "kind" varchar(12) NOT NULL, "key" varchar(16) NOT NULL,
         "region_code" varchar(12) NOT NULL, "people" integer NOT NULL DEFAULT 0, "placements" integer NOT NULL DEFAULT 0,
         PRIMARY KEY ("year", "span", "grp", "kind", "key", "region_code")) WITH (fillfactor = 50)`,
    );

    // Months of year y in which a placement [s, e] (e null = still working) is at work, as a 12-bit mask.
    await queryRunner.query(`
      CREATE FUNCTION placement_month_mask(s date, e date, y integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN s > make_date(y, 12, 31) OR e < make_date(y, 1, 1) THEN 0
          ELSE ((1 << (CASE WHEN e IS NULL OR e > make_date(y, 12, 31) THEN 12 ELSE extract(month FROM e)::int END)) - 1)
             & ~((1 << (CASE WHEN s < make_date(y, 1, 1) THEN 0 ELSE extract(month FROM s)::int - 1 END)) - 1)
        END $$`);
    // One row per placement and year it overlaps, up to the horizon: the single source of every rollup figure.
    await queryRunner.query(`
      CREATE VIEW placement_rollup_year AS
      SELECT p.job_seeker_id, p.home_region_code AS region_code, p.destination, p.source, y.year::smallint AS year, m.months
        FROM placement p
       CROSS JOIN placement_rollup_state st
       CROSS JOIN LATERAL generate_series(extract(year FROM p.start_date)::int, least(coalesce(extract(year FROM p.end_date)::int, st.horizon_year), st.horizon_year)) AS y(year)
       -- OFFSET 0 keeps the mask a computed column: inlined, it would be recomputed in each of the aggregates that test it.
       CROSS JOIN LATERAL (SELECT placement_month_mask(p.start_date, p.end_date, y.year) AS months OFFSET 0) m`);
    await queryRunner.query(`
      CREATE VIEW placement_rollup_person_source AS
      SELECT job_seeker_id, year, region_code, ${maskAggregates}
        FROM placement_rollup_year GROUP BY job_seeker_id, year, region_code`);

    // A placement's own contribution to the placement counts, with sign +1 (written) or -1 (removed).
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_apply_placement(p uuid, region varchar, dest varchar, src varchar, s date, e date, sign integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO placement_rollup AS r (year, span, grp, kind, key, region_code, people, placements)
        SELECT y.year::smallint, sp.span, g.grp, d.kind, d.key, region, 0, sign
          FROM placement_rollup_state st
         CROSS JOIN LATERAL generate_series(extract(year FROM s)::int, least(coalesce(extract(year FROM e)::int, st.horizon_year), st.horizon_year)) AS y(year)
          JOIN placement_rollup_span sp ON placement_month_mask(s, e, y.year) & sp.mask <> 0
         CROSS JOIN (SELECT ${GROUPS_OF('(SELECT codes FROM placement_rollup_groups WHERE job_seeker_id = p)')} AS grp) g
         CROSS JOIN (VALUES ('TOTAL', ''), ('DESTINATION', dest), ('SOURCE', src)) d(kind, key)
         ORDER BY 1, 2, 3, 4, 5, 6
        ${UPSERT} $$`);

    // Recomputes one person's month masks for some years and applies the change in people counts.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_refresh_person(p uuid, y_from integer, y_to integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        changed integer;
      BEGIN
        INSERT INTO placement_rollup AS r (year, span, grp, kind, key, region_code, people, placements)
        SELECT c.year, sp.span, g.grp, c.kind, c.key, c.region_code,
               ((c.new_months & sp.mask) <> 0)::int - ((c.old_months & sp.mask) <> 0)::int, 0
          FROM (SELECT coalesce(n.year, o.year) AS year, coalesce(n.region_code, o.region_code) AS region_code, coalesce(n.kind, o.kind) AS kind,
                       coalesce(n.key, o.key) AS key, coalesce(o.months, 0) AS old_months, coalesce(n.months, 0) AS new_months
                  FROM (SELECT s.year, s.region_code, u.kind, u.key, u.months FROM placement_rollup_person s CROSS JOIN LATERAL ${unpivot('s')}
                         WHERE s.job_seeker_id = p AND s.year BETWEEN y_from AND y_to) o
                  FULL JOIN (SELECT s.year, s.region_code, u.kind, u.key, u.months FROM placement_rollup_person_source s CROSS JOIN LATERAL ${unpivot('s')}
                         WHERE s.job_seeker_id = p AND s.year BETWEEN y_from AND y_to) n
                    ON n.year = o.year AND n.region_code = o.region_code AND n.kind = o.kind AND n.key = o.key
                 WHERE coalesce(o.months, 0) <> coalesce(n.months, 0)) c
          JOIN placement_rollup_span sp ON ((c.new_months & sp.mask) <> 0) <> ((c.old_months & sp.mask) <> 0)
         CROSS JOIN (SELECT ${GROUPS_OF('(SELECT codes FROM placement_rollup_groups WHERE job_seeker_id = p)')} AS grp) g
         ORDER BY 1, 2, 3, 4, 5, 6
        ${UPSERT};
        -- Every changed mask changes at least its month's span, so no row means the stored masks are still right.
        GET DIAGNOSTICS changed = ROW_COUNT;
        IF changed = 0 THEN
          RETURN;
        END IF;
        DELETE FROM placement_rollup_person WHERE job_seeker_id = p AND year BETWEEN y_from AND y_to;
        INSERT INTO placement_rollup_person SELECT * FROM placement_rollup_person_source WHERE job_seeker_id = p AND year BETWEEN y_from AND y_to;
        DELETE FROM placement_rollup_mover WHERE job_seeker_id = p AND year BETWEEN y_from AND y_to;
        INSERT INTO placement_rollup_mover (year, job_seeker_id)
        SELECT year, p FROM placement_rollup_person WHERE job_seeker_id = p AND year BETWEEN y_from AND y_to GROUP BY year HAVING count(*) > 1;
      END $$`);

    // Adds (sign +1) or removes (-1) a person's whole contribution under one group key.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_apply_group(p uuid, g varchar, sign integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO placement_rollup AS r (year, span, grp, kind, key, region_code, people, placements)
        SELECT year, span, g, kind, key, region_code, sum(people), sum(placements)
          FROM (SELECT s.year, sp.span, u.kind, u.key, s.region_code, sign AS people, 0 AS placements
                  FROM placement_rollup_person s CROSS JOIN LATERAL ${unpivot('s')}
                  JOIN placement_rollup_span sp ON u.months & sp.mask <> 0
                 WHERE s.job_seeker_id = p
                UNION ALL
                SELECT y.year, sp.span, d.kind, d.key, y.region_code, 0, sign
                  FROM placement_rollup_year y
                  JOIN placement_rollup_span sp ON y.months & sp.mask <> 0
                 CROSS JOIN LATERAL (VALUES ('TOTAL', ''), ('DESTINATION', y.destination), ('SOURCE', y.source)) d(kind, key)
                 WHERE y.job_seeker_id = p) x
         GROUP BY year, span, kind, key, region_code
         ORDER BY 1, 2, 3, 4, 5, 6
        ${UPSERT} $$`);

    // Writers of one person's placements or groups take this lock first, so that each trigger sees the others' committed rows.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_lock(p uuid) RETURNS void LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(1347571, hashtext(p::text)) $$`);

    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_on_placement() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        h integer;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.job_seeker_id = NEW.job_seeker_id AND OLD.home_region_code = NEW.home_region_code AND OLD.destination = NEW.destination
           AND OLD.source = NEW.source AND OLD.start_date = NEW.start_date AND OLD.end_date IS NOT DISTINCT FROM NEW.end_date THEN
          RETURN NULL;
        END IF;
        SELECT horizon_year INTO h FROM placement_rollup_state;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM placement_rollup_lock(OLD.job_seeker_id);
          PERFORM placement_rollup_apply_placement(OLD.job_seeker_id, OLD.home_region_code, OLD.destination, OLD.source, OLD.start_date, OLD.end_date, -1);
          PERFORM placement_rollup_refresh_person(OLD.job_seeker_id, extract(year FROM OLD.start_date)::int, least(coalesce(extract(year FROM OLD.end_date)::int, h), h));
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM placement_rollup_lock(NEW.job_seeker_id);
          PERFORM placement_rollup_apply_placement(NEW.job_seeker_id, NEW.home_region_code, NEW.destination, NEW.source, NEW.start_date, NEW.end_date, 1);
          PERFORM placement_rollup_refresh_person(NEW.job_seeker_id, extract(year FROM NEW.start_date)::int, least(coalesce(extract(year FROM NEW.end_date)::int, h), h));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup AFTER INSERT OR UPDATE OR DELETE ON placement FOR EACH ROW EXECUTE FUNCTION placement_rollup_on_placement()`,
    );
    // The per-person statements touch a few dozen rows, but generate_series makes the planner guess
    // thousands, and JIT compilation would then cost 0.3–0.4 s per write.
    await queryRunner.query(`ALTER FUNCTION placement_rollup_on_placement() SET jit = off`);

    // The groups a person is counted under are those the rollup recorded (placement_rollup_groups), not
    // the live rows: a statement that changes several groups runs its row triggers after all of them,
    // so the first trigger moves the person from the recorded groups to the live ones and the rest find nothing to do.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_sync_groups(p uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        recorded varchar[];
        live varchar[];
        g varchar;
      BEGIN
        PERFORM placement_rollup_lock(p);
        recorded := coalesce((SELECT codes FROM placement_rollup_groups WHERE job_seeker_id = p), ARRAY['NONE']::varchar[]);
        live := coalesce((SELECT array_agg(support_group_code ORDER BY support_group_code) FROM job_seeker_support_group WHERE job_seeker_id = p), ARRAY['NONE']::varchar[]);
        IF recorded = live THEN RETURN; END IF;
        FOREACH g IN ARRAY recorded LOOP
          IF NOT g = ANY(live) THEN PERFORM placement_rollup_apply_group(p, g, -1); END IF;
        END LOOP;
        FOREACH g IN ARRAY live LOOP
          IF NOT g = ANY(recorded) THEN PERFORM placement_rollup_apply_group(p, g, 1); END IF;
        END LOOP;
        IF live = ARRAY['NONE']::varchar[] THEN
          DELETE FROM placement_rollup_groups WHERE job_seeker_id = p;
        ELSE
          INSERT INTO placement_rollup_groups (job_seeker_id, codes) VALUES (p, live) ON CONFLICT (job_seeker_id) DO UPDATE SET codes = excluded.codes;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_on_support_group() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM placement_rollup_sync_groups(OLD.job_seeker_id); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM placement_rollup_sync_groups(NEW.job_seeker_id); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER placement_rollup AFTER INSERT OR UPDATE OR DELETE ON job_seeker_support_group FOR EACH ROW EXECUTE FUNCTION placement_rollup_on_support_group()`,
    );
    await queryRunner.query(`ALTER FUNCTION placement_rollup_on_support_group() SET jit = off`);

    // Deleting a seeker cascades to both their placements and their groups, and the row triggers of
    // the two cascades would run interleaved. Their placements go first, in a statement of their own.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_on_seeker_delete() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
      BEGIN
        DELETE FROM placement WHERE job_seeker_id = OLD.id;
        RETURN OLD;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER placement_rollup BEFORE DELETE ON job_seeker FOR EACH ROW EXECUTE FUNCTION placement_rollup_on_seeker_delete()`);

    // Set-based build of the years y_from..y_to, which must hold no rollup rows yet.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_build(y_from integer, y_to integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO placement_rollup_person SELECT * FROM placement_rollup_person_source WHERE year BETWEEN y_from AND y_to;
        INSERT INTO placement_rollup_mover (year, job_seeker_id)
        SELECT year, job_seeker_id FROM placement_rollup_person WHERE year BETWEEN y_from AND y_to GROUP BY year, job_seeker_id HAVING count(*) > 1;
        INSERT INTO placement_rollup AS r (year, span, grp, kind, key, region_code, people, placements)
        SELECT year, span, grp, kind, key, region_code, sum(people), sum(placements)
          FROM (SELECT a.year, (${SPAN_CODES})[1 + k % ${ROLLUP_SPANS.length}] AS span, (${DIM_KINDS})[1 + k / ${ROLLUP_SPANS.length}] AS kind,
                       (${DIM_KEYS})[1 + k / ${ROLLUP_SPANS.length}] AS key, a.region_code, a.codes, a.counts[1 + k] AS people, 0 AS placements
                  FROM (SELECT s.year, s.region_code, c.codes, ${personSpanCounts} AS counts
                          FROM placement_rollup_person s
                          LEFT JOIN placement_rollup_groups c USING (job_seeker_id)
                         WHERE s.year BETWEEN y_from AND y_to
                         GROUP BY 1, 2, 3) a
                 CROSS JOIN generate_series(0, ${MASKS.length * ROLLUP_SPANS.length - 1}) AS k
                 WHERE a.counts[1 + k] > 0
                UNION ALL
                SELECT a.year, t.span, d.kind, d.key, a.region_code, a.codes, 0, t.n
                  FROM (SELECT y.year, y.region_code, y.destination, y.source, c.codes, ${spanCounts('y.months')} AS counts
                          FROM placement_rollup_year y
                          LEFT JOIN placement_rollup_groups c USING (job_seeker_id)
                         WHERE y.year BETWEEN y_from AND y_to
                         GROUP BY 1, 2, 3, 4, 5) a
                 CROSS JOIN LATERAL unnest(${SPAN_CODES}, a.counts) AS t(span, n)
                 CROSS JOIN LATERAL (VALUES ('TOTAL', ''), ('DESTINATION', a.destination), ('SOURCE', a.source)) d(kind, key)
                 WHERE t.n > 0) x
         CROSS JOIN LATERAL ${GROUPS_OF('x.codes')} AS grp
         GROUP BY year, span, grp, kind, key, region_code
        ${UPSERT};
      END $$`);
    // Everything from scratch, open placements counted up to the horizon year.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_rebuild(horizon integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE placement, job_seeker_support_group IN SHARE MODE;
        TRUNCATE placement_rollup, placement_rollup_person, placement_rollup_mover, placement_rollup_groups;
        INSERT INTO placement_rollup_state (id, horizon_year) VALUES (true, horizon) ON CONFLICT (id) DO UPDATE SET horizon_year = excluded.horizon_year;
        INSERT INTO placement_rollup_groups (job_seeker_id, codes)
        SELECT job_seeker_id, array_agg(support_group_code ORDER BY support_group_code) FROM job_seeker_support_group GROUP BY job_seeker_id;
        ANALYZE placement_rollup_state, placement_rollup_groups;
        PERFORM placement_rollup_build(coalesce((SELECT extract(year FROM min(start_date))::int FROM placement), horizon), horizon);
      END $$`);
    // Moves the horizon forward: the new years were empty, so they are built like a backfill.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_extend(horizon integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        current_horizon integer;
      BEGIN
        LOCK TABLE placement, job_seeker_support_group IN SHARE MODE;
        SELECT horizon_year INTO current_horizon FROM placement_rollup_state FOR UPDATE;
        IF horizon <= current_horizon THEN RETURN; END IF;
        UPDATE placement_rollup_state SET horizon_year = horizon;
        PERFORM placement_rollup_build(current_horizon + 1, horizon);
      END $$`);

    // generate_series over every placement makes the planner guess billions of rows; JIT would then
    // spend seconds compiling plans that run in one.
    for (const fn of ['placement_rollup_build(integer, integer)', 'placement_rollup_rebuild(integer)', 'placement_rollup_extend(integer)']) {
      await queryRunner.query(`ALTER FUNCTION ${fn} SET jit = off`);
      await queryRunner.query(`ALTER FUNCTION ${fn} SET work_mem = '256MB'`);
    }
    // TRUNCATE fires no row triggers: the rollup is rebuilt from what is left.
    await queryRunner.query(`
      CREATE FUNCTION placement_rollup_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM placement_rollup_rebuild((SELECT horizon_year FROM placement_rollup_state));
        RETURN NULL;
      END $$`);
    for (const table of ['placement', 'job_seeker_support_group']) {
      await queryRunner.query(
        `CREATE TRIGGER placement_rollup_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION placement_rollup_on_truncate()`,
      );
    }

    await queryRunner.query(`SELECT placement_rollup_rebuild(extract(year FROM (now() AT TIME ZONE 'Asia/Shanghai'))::int + 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER placement_rollup_truncate ON job_seeker_support_group`);
    await queryRunner.query(`DROP TRIGGER placement_rollup_truncate ON placement`);
    await queryRunner.query(`DROP TRIGGER placement_rollup ON job_seeker`);
    await queryRunner.query(`DROP TRIGGER placement_rollup ON job_seeker_support_group`);
    await queryRunner.query(`DROP TRIGGER placement_rollup ON placement`);
    for (const fn of [
      'placement_rollup_extend(integer)',
      'placement_rollup_on_truncate()',
      'placement_rollup_rebuild(integer)',
      'placement_rollup_build(integer, integer)',
      'placement_rollup_on_seeker_delete()',
      'placement_rollup_on_support_group()',
      'placement_rollup_sync_groups(uuid)',
      'placement_rollup_on_placement()',
      'placement_rollup_lock(uuid)',
      'placement_rollup_apply_group(uuid, varchar, integer)',
      'placement_rollup_refresh_person(uuid, integer, integer)',
      'placement_rollup_apply_placement(uuid, varchar, varchar, varchar, date, date, integer)',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query(`DROP VIEW placement_rollup_person_source`);
    await queryRunner.query(`DROP VIEW placement_rollup_year`);
    await queryRunner.query(`DROP FUNCTION placement_month_mask(date, date, integer)`);
    await queryRunner.query(`DROP TABLE "placement_rollup"`);
    await queryRunner.query(`DROP TABLE "placement_rollup_mover"`);
    await queryRunner.query(`DROP TABLE "placement_rollup_groups"`);
    await queryRunner.query(`DROP TABLE "placement_rollup_person"`);
    await queryRunner.query(`DROP TABLE "placement_rollup_state"`);
    await queryRunner.query(`DROP TABLE "placement_rollup_span"`);
  }
}
