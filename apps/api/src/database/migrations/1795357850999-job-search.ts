import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobSearch1795357850999 implements MigrationInterface {
  name = 'JobSearch1795357850999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_search_document" ("id" uuid NOT NULL, "title" text NOT NULL, "region_code" character varying(12) NOT NULL, "township_code" character varying(9) NOT NULL, "kind" character varying(20) NOT NULL, "wage_monthly_min" integer, "wage_monthly_max" integer, "benefits" text array NOT NULL DEFAULT '{}', "source_kind" character varying(20), "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lat" double precision, "lng" double precision, "tokens" tsvector NOT NULL, CONSTRAINT "PK_c38df90b8d0cef0dffdf3fe9d9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_55d0829e9ee7f3d8b641b59dc8" ON "job_search_document"  ("posted_at") `);
    // Tokens are made in Node (characters, bigrams, pinyin); GIN serves @@ and prefix (:*) queries.
    await queryRunner.query(`CREATE INDEX "job_search_document_tokens" ON "job_search_document" USING gin ("tokens")`);
    await queryRunner.query(`CREATE INDEX "job_search_document_region_prefix" ON "job_search_document" ("region_code" varchar_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "job_search_document_region_prefix"`);
    await queryRunner.query(`DROP INDEX "job_search_document_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55d0829e9ee7f3d8b641b59dc8"`);
    await queryRunner.query(`DROP TABLE "job_search_document"`);
  }
}
