import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support groups a seeker declared for themself wait here until staff confirm them; only
 * job_seeker_support_group counts. The groups of people who registered themselves (channel
 * SELF) were self-declared: they move here, to be confirmed (the placement rollup and the
 * match keys follow by their triggers on the DELETE).
 */
export class SeekerDeclaredGroups1795421000000 implements MigrationInterface {
  name = 'SeekerDeclaredGroups1795421000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_seeker_declared_group" ("job_seeker_id" uuid NOT NULL, "support_group_code" character varying(40) NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_908d40720900bc0e2dad0f0fba9" PRIMARY KEY ("job_seeker_id", "support_group_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_28ced1f05adebf5f586769d74a" ON "job_seeker_declared_group"  ("support_group_code") `);
    await queryRunner.query(
      `ALTER TABLE "job_seeker_declared_group" ADD CONSTRAINT "FK_0dff135f293244fa6b6fc3ba4b5" FOREIGN KEY ("job_seeker_id") REFERENCES "job_seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_seeker_declared_group" ADD CONSTRAINT "FK_28ced1f05adebf5f586769d74a8" FOREIGN KEY ("support_group_code") REFERENCES "support_group"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "job_seeker_declared_group" ("job_seeker_id", "support_group_code", "declared_at")
       SELECT g."job_seeker_id", g."support_group_code", s."created_at" FROM "job_seeker_support_group" g JOIN "job_seeker" s ON s."id" = g."job_seeker_id" WHERE s."channel" = 'SELF'`,
    );
    await queryRunner.query(`DELETE FROM "job_seeker_support_group" g USING "job_seeker" s WHERE s."id" = g."job_seeker_id" AND s."channel" = 'SELF'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "job_seeker_support_group" ("job_seeker_id", "support_group_code") SELECT "job_seeker_id", "support_group_code" FROM "job_seeker_declared_group" ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`ALTER TABLE "job_seeker_declared_group" DROP CONSTRAINT "FK_28ced1f05adebf5f586769d74a8"`);
    await queryRunner.query(`ALTER TABLE "job_seeker_declared_group" DROP CONSTRAINT "FK_0dff135f293244fa6b6fc3ba4b5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_28ced1f05adebf5f586769d74a"`);
    await queryRunner.query(`DROP TABLE "job_seeker_declared_group"`);
  }
}
