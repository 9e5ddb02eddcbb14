import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * job_seeker.match_keys: what recommendedSeekers looks candidates up by (hashed, see below), kept by triggers so
 * that every writer (desk, self-registration, bulk import, SQL) keeps it right. Empty for anyone
 * who may not be recommended (no consent, no labour capacity, employed). Otherwise, with U+001F
 * between the parts:
 *   o·<term>·<place>·<traits>·<wage>  for each wanted occupation,
 *   s·<term>·<place>·<traits>·<wage>  for each skill,
 *   a·<place>·<traits>·<wage>         (everyone),
 * each also once more with ·<support group> appended for every support group the person is in.
 * <place> is the home county (6 digits), township (9) and village (12), and for the o and s keys
 * of someone willing to work outside the county also out·<county>. <traits> is '' or w (weak
 * labour capacity), m (must stay near home), wm. <wage> is the band of the monthly-equivalent
 * wage the person wants: 1 up to 1000 yuan, 2 up to 2000, … 10 up to 10000, h above, x unknown
 * (paid by the piece or not said). One GIN lookup then yields, say, the people of a
 * township with weak labour capacity in an eligible group who want one of a job's occupations,
 * so a search reads only the buckets that can still make the top of the list.
 */
export class SeekerMatchKeys1795362100000 implements MigrationInterface {
  name = 'SeekerMatchKeys1795362100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_seeker" ADD "match_keys" integer array NOT NULL DEFAULT '{}'`);
    // Keys are stored as 32-bit hashes (md5, stable across PostgreSQL versions): integer overlap
    // is cheap where text overlap compares every pair under the collation. A collision only adds
    // a row that the candidate test and the hard constraints then judge on its real columns.
    await queryRunner.query(
      `CREATE FUNCTION job_seeker_match_key(key text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('x' || left(md5(key), 8))::bit(32)::int $$`,
    );
    await queryRunner.query(`
      CREATE FUNCTION job_seeker_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sep text := chr(31);
        places text[] := ARRAY[left(NEW.region_code, 6), left(NEW.region_code, 9), NEW.region_code];
        reach text[] := places || CASE WHEN NEW.willing_outside_county THEN ARRAY['out' || chr(31) || left(NEW.region_code, 6)] ELSE ARRAY[]::text[] END;
        monthly int := CASE NEW.wanted_wage_unit WHEN 'MONTH' THEN NEW.wanted_wage WHEN 'DAY' THEN NEW.wanted_wage * 22 WHEN 'HOUR' THEN NEW.wanted_wage * 176 END;
        traits text := CASE WHEN NEW.labor_capacity = 'WEAK' THEN 'w' ELSE '' END || CASE WHEN NEW.must_stay_near_home THEN 'm' ELSE '' END || chr(31)
          || CASE WHEN monthly IS NULL THEN 'x' WHEN monthly > 10000 THEN 'h' ELSE greatest(1, ceil(monthly / 1000.0))::int::text END;
        groups text[] := ARRAY(SELECT sep || g.support_group_code FROM job_seeker_support_group g WHERE g.job_seeker_id = NEW.id);
      BEGIN
        IF NOT NEW.consent_to_recommend OR NEW.labor_capacity = 'NONE' OR NEW.employment_status = 'EMPLOYED' THEN
          NEW.match_keys := '{}';
          RETURN NEW;
        END IF;
        NEW.match_keys := ARRAY(
          SELECT DISTINCT job_seeker_match_key(k || suffix) FROM (
            SELECT 'o' || sep || w || sep || p || sep || traits AS k FROM unnest(NEW.wanted_occupations) AS w, unnest(reach) AS p
            UNION ALL SELECT 's' || sep || w || sep || p || sep || traits FROM unnest(NEW.skills) AS w, unnest(reach) AS p
            UNION ALL SELECT 'a' || sep || p || sep || traits FROM unnest(places) AS p) AS keys,
            unnest(ARRAY[''] || groups) AS suffix);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER job_seeker_match_keys BEFORE INSERT OR UPDATE OF region_code, wanted_occupations, skills, consent_to_recommend, labor_capacity,
         employment_status, willing_outside_county, must_stay_near_home, wanted_wage, wanted_wage_unit, match_keys ON "job_seeker" FOR EACH ROW EXECUTE FUNCTION job_seeker_match_keys()`,
    );
    // Support groups live in their own table: a change there recomputes the person's keys.
    await queryRunner.query(`
      CREATE FUNCTION job_seeker_support_group_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_new);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_old);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER job_seeker_support_group_added AFTER INSERT ON "job_seeker_support_group" REFERENCING NEW TABLE AS changed_new
         FOR EACH STATEMENT EXECUTE FUNCTION job_seeker_support_group_match_keys()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER job_seeker_support_group_removed AFTER DELETE ON "job_seeker_support_group" REFERENCING OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION job_seeker_support_group_match_keys()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER job_seeker_support_group_changed AFTER UPDATE ON "job_seeker_support_group" REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION job_seeker_support_group_match_keys()`,
    );
    await queryRunner.query(`UPDATE "job_seeker" SET "match_keys" = '{}'`);
    // A GIN index keeps recent inserts in a pending list that every lookup scans in full (up to
    // 4 MB by default, flushed only by vacuum): a small list keeps lookups fast under writes.
    await queryRunner.query(`CREATE INDEX "job_seeker_match_keys" ON "job_seeker" USING gin ("match_keys") WITH (gin_pending_list_limit = 256)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "job_seeker_match_keys"`);
    await queryRunner.query(`DROP TRIGGER job_seeker_support_group_changed ON "job_seeker_support_group"`);
    await queryRunner.query(`DROP TRIGGER job_seeker_support_group_removed ON "job_seeker_support_group"`);
    await queryRunner.query(`DROP TRIGGER job_seeker_support_group_added ON "job_seeker_support_group"`);
    await queryRunner.query(`DROP FUNCTION job_seeker_support_group_match_keys()`);
    await queryRunner.query(`DROP TRIGGER job_seeker_match_keys ON "job_seeker"`);
    await queryRunner.query(`DROP FUNCTION job_seeker_match_keys()`);
    await queryRunner.query(`DROP FUNCTION job_seeker_match_key(text)`);
    await queryRunner.query(`ALTER TABLE "job_seeker" DROP COLUMN "match_keys"`);
  }
}
