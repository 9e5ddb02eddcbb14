import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PhoneCodes1795410000000 implements MigrationInterface {
  name = 'PhoneCodes1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "phone_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone_hash" character(64) NOT NULL, "purpose" character varying(20) NOT NULL, "scope" character varying(64) NOT NULL DEFAULT '', "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63535b596f66607b3da0ead52e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_27a9ec3fc8702d14789783a8f0" ON "phone_code"  ("phone_hash", "purpose", "scope", "created_at") `);
    await queryRunner.query(`ALTER TABLE "account" ALTER COLUMN "password_hash" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27a9ec3fc8702d14789783a8f0"`);
    await queryRunner.query(`DROP TABLE "phone_code"`);
  }
}
