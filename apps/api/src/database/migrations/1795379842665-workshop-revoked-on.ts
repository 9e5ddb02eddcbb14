import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The date a workshop's certification was revoked, so workshop figures count it for the periods
 * it was certified in. Workshops revoked before this migration get the county date of their last
 * change, the best record there is.
 */
export class WorkshopRevokedOn1795379842665 implements MigrationInterface {
  name = 'WorkshopRevokedOn1795379842665';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workshop" ADD "revoked_on" date`);
    await queryRunner.query(
      `UPDATE "workshop" SET "revoked_on" = GREATEST("certified_on", ("updated_at" AT TIME ZONE 'Asia/Shanghai')::date) WHERE "status" = 'REVOKED'`,
    );
    await queryRunner.query(`ALTER TABLE "workshop" ADD CONSTRAINT "workshop_revoked_check" CHECK (("status" = 'REVOKED') = ("revoked_on" IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workshop" DROP CONSTRAINT "workshop_revoked_check"`);
    await queryRunner.query(`ALTER TABLE "workshop" DROP COLUMN "revoked_on"`);
  }
}
