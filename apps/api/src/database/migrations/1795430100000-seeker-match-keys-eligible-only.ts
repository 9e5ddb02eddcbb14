import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A support-group change recomputes job_seeker.match_keys only for people who can be recommended
 * (consent, some labour capacity, not employed): everyone else's keys are empty whatever their
 * groups, and rewriting their row (a new row version, an entry in each of job_seeker's indexes)
 * changed nothing. In a ledger import this halves the second pass over the new rows (issue 16).
 */
export class SeekerMatchKeysEligibleOnly1795430100000 implements MigrationInterface {
  name = 'SeekerMatchKeysEligibleOnly1795430100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION job_seeker_support_group_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_new)
             AND consent_to_recommend AND labor_capacity <> 'NONE' AND employment_status <> 'EMPLOYED';
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_old)
             AND consent_to_recommend AND labor_capacity <> 'NONE' AND employment_status <> 'EMPLOYED';
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION job_seeker_support_group_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_new);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE job_seeker SET match_keys = '{}' WHERE id IN (SELECT job_seeker_id FROM changed_old);
        END IF;
        RETURN NULL;
      END $$`);
  }
}
