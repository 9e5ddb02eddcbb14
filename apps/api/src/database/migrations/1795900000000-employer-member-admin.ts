import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which of a company's accounts manage the company (edit its details, add colleagues): the
 * account that registered it, else the first one staff linked to it.
 */
export class EmployerMemberAdmin1795900000000 implements MigrationInterface {
  name = 'EmployerMemberAdmin1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer_member" ADD "is_admin" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "employer_member" m SET "is_admin" = true FROM "employer" e WHERE e."id" = m."employer_id" AND e."registered_by" = m."account_id"`,
    );
    await queryRunner.query(
      `UPDATE "employer_member" m SET "is_admin" = true
         WHERE NOT EXISTS (SELECT 1 FROM "employer_member" a WHERE a."employer_id" = m."employer_id" AND a."is_admin")
           AND m."account_id" = (SELECT f."account_id" FROM "employer_member" f WHERE f."employer_id" = m."employer_id" ORDER BY f."created_at", f."account_id" LIMIT 1)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer_member" DROP COLUMN "is_admin"`);
  }
}
