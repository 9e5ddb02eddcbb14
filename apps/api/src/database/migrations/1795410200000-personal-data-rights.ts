import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataRights1795410200000 implements MigrationInterface {
  name = 'PersonalDataRights1795410200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_deletion_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "job_seeker_id" uuid, "reason" character varying(200), "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(10) NOT NULL, "retained" text array NOT NULL DEFAULT '{}', "retained_until" date, "answer" text NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_570afde04e427416de970e11d8f" UNIQUE ("account_id"), CONSTRAINT "data_deletion_request_outcome" CHECK ("outcome" IN ('DELETED', 'RESTRICTED')), CONSTRAINT "PK_124a86080c19b709df1b0b25485" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "job_seeker" ADD "processing_restricted_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_seeker" DROP COLUMN "processing_restricted_at"`);
    await queryRunner.query(`DROP TABLE "data_deletion_request"`);
  }
}
