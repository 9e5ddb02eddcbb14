import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The security log (staffDirectory.securityLog) lists security events and personal-data reads
 * newest first; with an index on `at` in each table that is a merge of two index scans, not a
 * sort of both tables, which grow with every sign-in and every full read.
 */
export class SecurityLogTimeIndexes1796540138449 implements MigrationInterface {
  name = 'SecurityLogTimeIndexes1796540138449';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_7674873b6fca8907c7a0b32308" ON "security_event"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8cfe8d71b57dccdc8ec668309" ON "personal_data_access"  ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_a8cfe8d71b57dccdc8ec668309"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7674873b6fca8907c7a0b32308"`);
  }
}
