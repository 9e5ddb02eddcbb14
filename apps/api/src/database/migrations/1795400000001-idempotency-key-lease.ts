import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys as leases: a key claimed by a process that died before its work committed
 * becomes usable again when the lease runs out, instead of answering "in progress" for a day.
 */
export class IdempotencyKeyLease1795400000001 implements MigrationInterface {
  name = 'IdempotencyKeyLease1795400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "lease_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "work_committed" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "work_committed"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "lease_expires_at"`);
  }
}
