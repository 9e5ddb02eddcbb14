import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GigBookings1795360094939 implements MigrationInterface {
  name = 'GigBookings1795360094939';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "gig_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "job_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "employer_id" uuid, "region_code" character varying(12) NOT NULL, "station_id" uuid, "shift_date" date NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL, "booked_by" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "hours_worked" numeric(5,2), "pieces_done" integer, "pay" numeric(10,2), "employer_paid_amount" numeric(10,2), "employer_paid_at" TIMESTAMP WITH TIME ZONE, "seeker_paid_amount" numeric(10,2), "seeker_paid_at" TIMESTAMP WITH TIME ZONE, "payment_disputed" boolean NOT NULL DEFAULT false, "paid_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" character varying(10), "cancel_reason" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "gig_booking_pay_check" CHECK ("pay" IS NULL OR "pay" >= 0), CONSTRAINT "gig_booking_time_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_b48a4be2210ed9193f1aaf903a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9520bf697004088d29246c30b0" ON "gig_booking"  ("employer_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_4c695a86ecd81320f90172e515" ON "gig_booking"  ("station_id", "shift_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_c579e1e70ee7a68704e7128e7b" ON "gig_booking"  ("seeker_id", "starts_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "gig_booking_active_unique" ON "gig_booking"  ("shift_id", "seeker_id") WHERE "status" <> 'CANCELLED'`);
    await queryRunner.query(
      `CREATE TABLE "gig_rating" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "by_party" character varying(10) NOT NULL, "score" smallint NOT NULL, "comment" character varying(200) NOT NULL DEFAULT '', "rated_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "gig_rating_party_check" CHECK ("by_party" IN ('SEEKER', 'EMPLOYER')), CONSTRAINT "gig_rating_score_check" CHECK ("score" BETWEEN 1 AND 5), CONSTRAINT "PK_5fcff1d718da059f0d59eb9f49b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_346e8ec503ac3a8c4b923d31cf" ON "gig_rating"  ("booking_id", "by_party") `);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "booked_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "piece_rate" numeric(10,2)`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "meeting_station_id" uuid`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "meeting_point" character varying(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "instant_hiring" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "status" character varying(10) NOT NULL DEFAULT 'OPEN'`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "cancel_reason" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "job_shift" ALTER COLUMN "day_pay" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_4e41ad91ff184bfe6dcc24e208" ON "job_shift"  ("meeting_station_id", "date") `);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD CONSTRAINT "job_shift_booked_count_check" CHECK ("booked_count" >= 0 AND "booked_count" <= "slots")`);
    // Staff scope is a code-prefix LIKE (TypeORM cannot express the operator class).
    await queryRunner.query(`CREATE INDEX "gig_booking_region_prefix" ON "gig_booking" ("region_code" varchar_pattern_ops)`);
    // A shift pays by the day, by the piece, or both (TypeORM does not diff CHECK expressions).
    await queryRunner.query(`ALTER TABLE "job_shift" DROP CONSTRAINT "job_shift_pay_check"`);
    await queryRunner.query(
      `ALTER TABLE "job_shift" ADD CONSTRAINT "job_shift_pay_check" CHECK (("day_pay" IS NULL OR "day_pay" > 0) AND ("piece_rate" IS NULL OR "piece_rate" > 0) AND ("day_pay" IS NOT NULL OR "piece_rate" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_shift" ADD CONSTRAINT "FK_7ee8ff79a84b2a4986fc7243edf" FOREIGN KEY ("meeting_station_id") REFERENCES "gig_station"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gig_booking" ADD CONSTRAINT "FK_c74730c5c5405f2c046eff5503f" FOREIGN KEY ("shift_id") REFERENCES "job_shift"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gig_rating" ADD CONSTRAINT "FK_c666dd38fdf66bb2445d8e7d6eb" FOREIGN KEY ("booking_id") REFERENCES "gig_booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gig_rating" DROP CONSTRAINT "FK_c666dd38fdf66bb2445d8e7d6eb"`);
    await queryRunner.query(`ALTER TABLE "gig_booking" DROP CONSTRAINT "FK_c74730c5c5405f2c046eff5503f"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP CONSTRAINT "FK_7ee8ff79a84b2a4986fc7243edf"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP CONSTRAINT "job_shift_booked_count_check"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP CONSTRAINT "job_shift_pay_check"`);
    await queryRunner.query(`ALTER TABLE "job_shift" ADD CONSTRAINT "job_shift_pay_check" CHECK ("day_pay" > 0)`);
    await queryRunner.query(`DROP INDEX "public"."gig_booking_region_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4e41ad91ff184bfe6dcc24e208"`);
    await queryRunner.query(`ALTER TABLE "job_shift" ALTER COLUMN "day_pay" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "cancel_reason"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "instant_hiring"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "meeting_point"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "meeting_station_id"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "piece_rate"`);
    await queryRunner.query(`ALTER TABLE "job_shift" DROP COLUMN "booked_count"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_346e8ec503ac3a8c4b923d31cf"`);
    await queryRunner.query(`DROP TABLE "gig_rating"`);
    await queryRunner.query(`DROP INDEX "public"."gig_booking_active_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c579e1e70ee7a68704e7128e7b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c695a86ecd81320f90172e515"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9520bf697004088d29246c30b0"`);
    await queryRunner.query(`DROP TABLE "gig_booking"`);
  }
}
