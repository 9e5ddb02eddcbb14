import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deletion sweep (libs/privacy DataDeletionSweeper): when a request's kept records reach
 * their retention date they are erased, and the request records when and what. Contract
 * events stay append-only, except inside a transaction that declares a retention erasure
 * (`SET LOCAL jobcode.retention_erasure = 'on'`), which may delete them.
 */
export class DataDeletionSweep1795600000000 implements MigrationInterface {
  name = 'DataDeletionSweep1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_deletion_request" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "data_deletion_request" ADD "erased" text array NOT NULL DEFAULT '{}'`);
    // Requests answered DELETED were erased when answered.
    await queryRunner.query(`UPDATE "data_deletion_request" SET "erased_at" = "answered_at" WHERE "outcome" = 'DELETED'`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION contract_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('jobcode.retention_erasure', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'contract_event is append-only' USING ERRCODE = 'check_violation';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION contract_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'contract_event is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(`ALTER TABLE "data_deletion_request" DROP COLUMN "erased"`);
    await queryRunner.query(`ALTER TABLE "data_deletion_request" DROP COLUMN "erased_at"`);
  }
}
