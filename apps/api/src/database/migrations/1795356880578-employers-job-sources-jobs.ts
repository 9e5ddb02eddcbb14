import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class EmployersJobSourcesJobs1795356880578 implements MigrationInterface {
  name = 'EmployersJobSourcesJobs1795356880578';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "county_setting" ("county_code" character varying(6) NOT NULL, "key" character varying(80) NOT NULL, "value" jsonb NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8cd4171cb25c48ba820cb576df0" PRIMARY KEY ("county_code", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "credit_code" character(18) NOT NULL, "contact_name" character varying(50) NOT NULL, "contact_phone_encrypted" text NOT NULL, "region_code" character varying(12) NOT NULL, "address" character varying(200) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "rejection_reason" character varying(200), "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" uuid, "registered_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "employer_status_check" CHECK ("status" IN ('PENDING', 'VERIFIED', 'REJECTED')), CONSTRAINT "PK_74029e6b1f17a4c7c66d43cfd34" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0d3756f76b6a3af968b357236d" ON "employer"  ("credit_code") `);
    await queryRunner.query(
      `CREATE TABLE "employer_member" ("employer_id" uuid NOT NULL, "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8a4238d717aaac86ac886abd69" PRIMARY KEY ("employer_id", "account_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9e142fd7aba3a4e18ec042909d" ON "employer_member"  ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "job_caravan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "county_code" character varying(6) NOT NULL, "organiser" character varying(100) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_86e61184862349bbb0bb93849ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_fair" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "kind" character varying(20) NOT NULL, "caravan_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue" character varying(200) NOT NULL, "region_code" character varying(12) NOT NULL, "latitude" numeric(9,6), "longitude" numeric(9,6), "organiser" character varying(100) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_fair_time_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "job_fair_caravan_check" CHECK (("kind" = 'CARAVAN') = ("caravan_id" IS NOT NULL)), CONSTRAINT "job_fair_kind_check" CHECK ("kind" IN ('ORDINARY', 'SPRING_CAMPAIGN', 'CARAVAN')), CONSTRAINT "PK_fc48b997d1c869b55d3e2d4efe1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8cf6a00aa4ef7bf26ffbd25cf9" ON "job_fair"  ("starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_61ace78b2db294443937c356d4" ON "job_fair"  ("caravan_id") `);
    await queryRunner.query(
      `CREATE TABLE "fair_booth" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fair_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "booth_number" character varying(20), "declared_posts" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fair_booth_posts_check" CHECK ("declared_posts" IS NULL OR "declared_posts" >= 0), CONSTRAINT "PK_274f0d22849b77f54db86313c7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_66cef7c8a821a73ad01795ebb9" ON "fair_booth"  ("employer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cd64b3582a9fe6e5dba50b441f" ON "fair_booth"  ("fair_id", "employer_id") `);
    await queryRunner.query(
      `CREATE TABLE "gig_station" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "level" character varying(10) NOT NULL, "region_code" character varying(12) NOT NULL, "address" character varying(200) NOT NULL, "latitude" numeric(9,6) NOT NULL, "longitude" numeric(9,6) NOT NULL, "opening_hours" character varying(100) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "gig_station_level_check" CHECK ("level" IN ('COUNTY', 'TOWNSHIP', 'VILLAGE')), CONSTRAINT "PK_d83fe0ed98d067e698a32ad6a28" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "workshop" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "employer_id" uuid NOT NULL, "region_code" character varying(12) NOT NULL, "address" character varying(200) NOT NULL, "latitude" numeric(9,6) NOT NULL, "longitude" numeric(9,6) NOT NULL, "headcount" integer NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "certified_on" date, "certified_by" uuid, "revocation_reason" character varying(200), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workshop_certified_check" CHECK ("status" = 'PENDING' OR "certified_on" IS NOT NULL), CONSTRAINT "workshop_headcount_check" CHECK ("headcount" >= 0), CONSTRAINT "workshop_status_check" CHECK ("status" IN ('PENDING', 'CERTIFIED', 'REVOKED')), CONSTRAINT "PK_e755b83ccf7c711f998012e1c92" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_34a37cbb5ed517d5ff1f72cc95" ON "workshop"  ("employer_id") `);
    await queryRunner.query(
      `CREATE TABLE "job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid, "title" character varying(60) NOT NULL, "occupation" character varying(60) NOT NULL, "occupation_code" character varying(20), "description" text NOT NULL, "kind" character varying(20) NOT NULL, "wage_min" integer NOT NULL, "wage_max" integer NOT NULL, "wage_unit" character varying(10) NOT NULL, "monthly_wage_min" integer, "monthly_wage_max" integer, "headcount" integer NOT NULL, "region_code" character varying(12) NOT NULL, "address" character varying(200) NOT NULL, "latitude" numeric(9,6) NOT NULL, "longitude" numeric(9,6) NOT NULL, "working_hours" character varying(100) NOT NULL, "provides_board" boolean NOT NULL DEFAULT false, "provides_lodging" boolean NOT NULL DEFAULT false, "provides_transport" boolean NOT NULL DEFAULT false, "social_insurance" boolean NOT NULL DEFAULT false, "requirements" text NOT NULL DEFAULT '', "contract_term" character varying(50) NOT NULL DEFAULT '', "valid_from" date NOT NULL, "valid_to" date NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'DRAFT', "station_id" uuid, "workshop_id" uuid, "fair_id" uuid, "flags" text array NOT NULL DEFAULT '{}', "posted_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_employer_check" CHECK ("employer_id" IS NOT NULL OR "kind" = 'PUBLIC_WELFARE'), CONSTRAINT "job_one_source_check" CHECK (num_nonnulls("station_id", "workshop_id", "fair_id") <= 1), CONSTRAINT "job_dates_check" CHECK ("valid_to" >= "valid_from"), CONSTRAINT "job_headcount_check" CHECK ("headcount" > 0), CONSTRAINT "job_wage_check" CHECK ("wage_min" > 0 AND "wage_max" >= "wage_min"), CONSTRAINT "job_status_check" CHECK ("status" IN ('DRAFT', 'OPEN', 'PAUSED', 'FILLED', 'CLOSED', 'EXPIRED')), CONSTRAINT "job_wage_unit_check" CHECK ("wage_unit" IN ('MONTH', 'DAY', 'HOUR', 'PIECE')), CONSTRAINT "job_kind_check" CHECK ("kind" IN ('FULL_TIME', 'PART_TIME', 'GIG', 'HOME_BASED', 'PUBLIC_WELFARE')), CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d6dfd5c39a84b03a74a12e99aa" ON "job"  ("latitude", "longitude") `);
    await queryRunner.query(`CREATE INDEX "IDX_cf3d4bfab764b41ebbceba0e94" ON "job"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_48b1393651da6072f213bd162f" ON "job"  ("fair_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_849333fea6bdb6c44758ead07b" ON "job"  ("workshop_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_9fe464e91a73951b7d324a2f33" ON "job"  ("station_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a36cf1c1e249ce2520c421bba2" ON "job"  ("employer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_6f40ea469da3e9779e0427da8a" ON "job"  ("status", "valid_to") `);
    await queryRunner.query(
      `CREATE TABLE "job_shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "date" date NOT NULL, "start_time" TIME NOT NULL, "end_time" TIME NOT NULL, "slots" integer NOT NULL, "day_pay" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "job_shift_pay_check" CHECK ("day_pay" > 0), CONSTRAINT "job_shift_slots_check" CHECK ("slots" > 0), CONSTRAINT "job_shift_time_check" CHECK ("end_time" > "start_time"), CONSTRAINT "PK_2e2c7319b8641e5d085def3e199" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_68fc2bac3bd2313ab09d927db3" ON "job_shift"  ("job_id", "date", "start_time") `);
    // Region scope and region filters are code-prefix LIKEs: they need varchar_pattern_ops (TypeORM cannot say so).
    await queryRunner.query(`CREATE INDEX "employer_region_prefix" ON "employer" ("region_code" varchar_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "gig_station_region_prefix" ON "gig_station" ("region_code" varchar_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "workshop_region_prefix" ON "workshop" ("region_code" varchar_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "job_fair_region_prefix" ON "job_fair" ("region_code" varchar_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "job_region_prefix" ON "job" ("region_code" varchar_pattern_ops)`);
    await queryRunner.query(
      `ALTER TABLE "employer_member" ADD CONSTRAINT "FK_8a0e7da003d178d4d2cae9b1168" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_member" ADD CONSTRAINT "FK_9e142fd7aba3a4e18ec042909d2" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_fair" ADD CONSTRAINT "FK_61ace78b2db294443937c356d4a" FOREIGN KEY ("caravan_id") REFERENCES "job_caravan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fair_booth" ADD CONSTRAINT "FK_9ff0c6933a4e7044fe7098d8e53" FOREIGN KEY ("fair_id") REFERENCES "job_fair"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fair_booth" ADD CONSTRAINT "FK_66cef7c8a821a73ad01795ebb98" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workshop" ADD CONSTRAINT "FK_34a37cbb5ed517d5ff1f72cc95f" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_b29124ef862925abf6b729236eb" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_3ca89b066ddb08bd4e7fdf59754" FOREIGN KEY ("station_id") REFERENCES "gig_station"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_8545e2fad16dffc4b14cd9d73e8" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job" ADD CONSTRAINT "FK_fc48b997d1c869b55d3e2d4efe1" FOREIGN KEY ("fair_id") REFERENCES "job_fair"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_shift" ADD CONSTRAINT "FK_211451e802d00dbbe3da2d1451a" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."employer_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."gig_station_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."workshop_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."job_fair_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."job_region_prefix"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP CONSTRAINT "FK_211451e802d00dbbe3da2d1451a"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_fc48b997d1c869b55d3e2d4efe1"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_8545e2fad16dffc4b14cd9d73e8"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_3ca89b066ddb08bd4e7fdf59754"`);
    await queryRunner.query(`ALTER TABLE "job" DROP CONSTRAINT "FK_b29124ef862925abf6b729236eb"`);
    await queryRunner.query(`ALTER TABLE "workshop" DROP CONSTRAINT "FK_34a37cbb5ed517d5ff1f72cc95f"`);
    await queryRunner.query(`ALTER TABLE "fair_booth" DROP CONSTRAINT "FK_66cef7c8a821a73ad01795ebb98"`);
    await queryRunner.query(`ALTER TABLE "fair_booth" DROP CONSTRAINT "FK_9ff0c6933a4e7044fe7098d8e53"`);
    await queryRunner.query(`ALTER TABLE "job_fair" DROP CONSTRAINT "FK_61ace78b2db294443937c356d4a"`);
    await queryRunner.query(`ALTER TABLE "employer_member" DROP CONSTRAINT "FK_9e142fd7aba3a4e18ec042909d2"`);
    await queryRunner.query(`ALTER TABLE "employer_member" DROP CONSTRAINT "FK_8a0e7da003d178d4d2cae9b1168"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_68fc2bac3bd2313ab09d927db3"`);
    await queryRunner.query(`DROP TABLE "job_shift"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6f40ea469da3e9779e0427da8a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a36cf1c1e249ce2520c421bba2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9fe464e91a73951b7d324a2f33"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_849333fea6bdb6c44758ead07b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48b1393651da6072f213bd162f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf3d4bfab764b41ebbceba0e94"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6dfd5c39a84b03a74a12e99aa"`);
    await queryRunner.query(`DROP TABLE "job"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34a37cbb5ed517d5ff1f72cc95"`);
    await queryRunner.query(`DROP TABLE "workshop"`);
    await queryRunner.query(`DROP TABLE "gig_station"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd64b3582a9fe6e5dba50b441f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_66cef7c8a821a73ad01795ebb9"`);
    await queryRunner.query(`DROP TABLE "fair_booth"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61ace78b2db294443937c356d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cf6a00aa4ef7bf26ffbd25cf9"`);
    await queryRunner.query(`DROP TABLE "job_fair"`);
    await queryRunner.query(`DROP TABLE "job_caravan"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e142fd7aba3a4e18ec042909d"`);
    await queryRunner.query(`DROP TABLE "employer_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d3756f76b6a3af968b357236d"`);
    await queryRunner.query(`DROP TABLE "employer"`);
    await queryRunner.query(`DROP TABLE "county_setting"`);
  }
}
