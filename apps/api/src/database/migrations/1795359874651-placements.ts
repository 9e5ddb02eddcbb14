import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Placements1795359874651 implements MigrationInterface {
  name = 'Placements1795359874651';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_seeker_id" uuid NOT NULL, "home_region_code" character varying(12) NOT NULL, "placement_id" uuid, "visited_on" date NOT NULL, "way" character varying(8) NOT NULL, "still_employed" boolean, "monthly_income" integer, "needs" character varying(500), "next_step" character varying(500), "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "follow_up_income_check" CHECK ("monthly_income" IS NULL OR "monthly_income" >= 0), CONSTRAINT "follow_up_way_check" CHECK ("way" IN ('VISIT', 'PHONE', 'WECHAT')), CONSTRAINT "PK_5c0a5f5b32937e47e0ab09d596c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9b1ac4912e4f4aa12e249b6aee" ON "follow_up"  ("job_seeker_id", "visited_on") `);
    await queryRunner.query(
      `CREATE TABLE "placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_seeker_id" uuid NOT NULL, "home_region_code" character varying(12) NOT NULL, "employer_id" uuid, "job_id" uuid, "workshop_id" uuid, "workplace_name" character varying(100), "workplace_region_code" character varying(12) NOT NULL, "destination" character varying(16) NOT NULL, "source" character varying(16) NOT NULL, "start_date" date NOT NULL, "end_date" date, "monthly_income" integer, "origin_key" character varying(120), "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_workplace_check" CHECK ("workplace_region_code" ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'), CONSTRAINT "placement_income_check" CHECK ("monthly_income" IS NULL OR "monthly_income" >= 0), CONSTRAINT "placement_dates_check" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "placement_destination_check" CHECK ("destination" IN ('IN_COUNTY', 'IN_PROVINCE', 'OUT_OF_PROVINCE')), CONSTRAINT "placement_source_check" CHECK ("source" IN ('CONTRACT', 'GIG', 'PUBLIC_WELFARE', 'WORKSHOP', 'SELF_FOUND', 'TRANSFERRED_OUT')), CONSTRAINT "PK_4f8b29ee2db5213bcb38b6c71c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a0ea00abc60742932cb37a18b3" ON "placement"  ("workshop_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d01e77fe9316ff80da86c341b0" ON "placement"  ("origin_key") WHERE "origin_key" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_460cf2ee5f6f864eb32c93202f" ON "placement"  ("start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_490514f397364a14d74a92784f" ON "placement"  ("employer_id", "start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_761ca630964c80a4c8a51565e7" ON "placement"  ("job_seeker_id", "start_date") `);
    await queryRunner.query(
      `CREATE TABLE "target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" character varying(12) NOT NULL, "year" integer NOT NULL, "metric" character varying(40) NOT NULL, "value" integer NOT NULL, "set_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "target_metric_check" CHECK ("metric" IN ('PUBLIC_WELFARE_PLACEMENTS', 'IN_COUNTY_PLACEMENTS', 'IN_PROVINCE_PLACEMENTS', 'OUT_OF_PROVINCE_PLACEMENTS', 'LIFTED_OUT_PLACEMENTS', 'MONITORED_PLACEMENTS', 'NEW_WORKSHOPS')), CONSTRAINT "target_year_check" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "target_value_check" CHECK ("value" > 0), CONSTRAINT "PK_9d962204b13c18851ea88fc72f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9008a14ce976079de61f02584d" ON "target"  ("region_code", "year", "metric") `);
    // Region-prefix scans (LIKE '450329103%'); the placement index covers what the statistics read,
    // so that a county's yearly figures come from an index-only scan.
    await queryRunner.query(
      `CREATE INDEX "placement_home_region_prefix" ON "placement" ("home_region_code" varchar_pattern_ops, "start_date") INCLUDE ("end_date", "job_seeker_id", "destination", "source")`,
    );
    await queryRunner.query(`CREATE INDEX "follow_up_home_region_prefix" ON "follow_up" ("home_region_code" varchar_pattern_ops, "visited_on")`);
    await queryRunner.query(
      `ALTER TABLE "follow_up" ADD CONSTRAINT "FK_d6ea7e0cf7b43dbd66b38ac38d5" FOREIGN KEY ("job_seeker_id") REFERENCES "job_seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "FK_106986e8de5530aab96fd3a043b" FOREIGN KEY ("job_seeker_id") REFERENCES "job_seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."follow_up_home_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."placement_home_region_prefix"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "FK_106986e8de5530aab96fd3a043b"`);
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_d6ea7e0cf7b43dbd66b38ac38d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9008a14ce976079de61f02584d"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_761ca630964c80a4c8a51565e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_490514f397364a14d74a92784f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_460cf2ee5f6f864eb32c93202f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d01e77fe9316ff80da86c341b0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0ea00abc60742932cb37a18b3"`);
    await queryRunner.query(`DROP TABLE "placement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b1ac4912e4f4aa12e249b6aee"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
  }
}
