import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * job_seeker_match_keys(), the row trigger that keeps job_seeker.match_keys, does its work only
 * when it has to (issue 16, ledger import):
 * - it tests first whether the person may be recommended at all; before, it computed the places,
 *   the wage band and the person's support groups (a query) for every row, also for the
 *   majority whose keys are then empty;
 * - on INSERT it does not look the support groups up: a person who does not exist yet has none
 *   (job_seeker_support_group references job_seeker, and that foreign key is not deferrable),
 *   and the statement that then adds their groups recomputes the keys through
 *   job_seeker_support_group_match_keys(), as before.
 * The keys themselves are computed exactly as in SeekerMatchKeys1795362100000.
 */
const KEYS = (groups: string) => `
        NEW.match_keys := ARRAY(
          SELECT DISTINCT job_seeker_match_key(k || suffix) FROM (
            SELECT 'o' || sep || w || sep || p || sep || traits AS k FROM unnest(NEW.wanted_occupations) AS w, unnest(reach) AS p
            UNION ALL SELECT 's' || sep || w || sep || p || sep || traits FROM unnest(NEW.skills) AS w, unnest(reach) AS p
            UNION ALL SELECT 'a' || sep || p || sep || traits FROM unnest(places) AS p) AS keys,
            unnest(ARRAY[''] || ${groups}) AS suffix);`;

export class SeekerMatchKeysEligibleFirst1795700000100 implements MigrationInterface {
  name = 'SeekerMatchKeysEligibleFirst1795700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION job_seeker_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sep text := chr(31);
        places text[];
        reach text[];
        monthly int;
        traits text;
        groups text[] := ARRAY[]::text[];
      BEGIN
        IF NOT NEW.consent_to_recommend OR NEW.labor_capacity = 'NONE' OR NEW.employment_status = 'EMPLOYED' THEN
          NEW.match_keys := '{}';
          RETURN NEW;
        END IF;
        places := ARRAY[left(NEW.region_code, 6), left(NEW.region_code, 9), NEW.region_code];
        reach := places || CASE WHEN NEW.willing_outside_county THEN ARRAY['out' || chr(31) || left(NEW.region_code, 6)] ELSE ARRAY[]::text[] END;
        monthly := CASE NEW.wanted_wage_unit WHEN 'MONTH' THEN NEW.wanted_wage WHEN 'DAY' THEN NEW.wanted_wage * 22 WHEN 'HOUR' THEN NEW.wanted_wage * 176 END;
        traits := CASE WHEN NEW.labor_capacity = 'WEAK' THEN 'w' ELSE '' END || CASE WHEN NEW.must_stay_near_home THEN 'm' ELSE '' END || chr(31)
          || CASE WHEN monthly IS NULL THEN 'x' WHEN monthly > 10000 THEN 'h' ELSE greatest(1, ceil(monthly / 1000.0))::int::text END;
        IF TG_OP = 'UPDATE' THEN
          groups := ARRAY(SELECT sep || g.support_group_code FROM job_seeker_support_group g WHERE g.job_seeker_id = NEW.id);
        END IF;
        ${KEYS('groups')}
        RETURN NEW;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION job_seeker_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
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
        ${KEYS('groups')}
        RETURN NEW;
      END $$`);
  }
}
