import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedSearches1795361381580 implements MigrationInterface {
  name = 'SavedSearches1795361381580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "saved_search" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "name" character varying(30) NOT NULL, "query" character varying(50), "filter" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_563b338d8b4878fa46697c8f3f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_12be14bc2821f001afce213d02" ON "saved_search"  ("account_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "saved_search_alert" ("saved_search_id" uuid NOT NULL, "job_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8a58132384b372e809eb6c1cd5" PRIMARY KEY ("saved_search_id", "job_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_search_alert" ADD CONSTRAINT "FK_ccedb171d422d13a418a0bdd8dd" FOREIGN KEY ("saved_search_id") REFERENCES "saved_search"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_search_alert" DROP CONSTRAINT "FK_ccedb171d422d13a418a0bdd8dd"`);
    await queryRunner.query(`DROP TABLE "saved_search_alert"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12be14bc2821f001afce213d02"`);
    await queryRunner.query(`DROP TABLE "saved_search"`);
  }
}
