import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * account.failed_sign_ins and locked_until date from the first sign-in lock; failures have since
 * been counted per account and client in rate_limit_bucket (AuthService.signIn), and nothing set
 * or read these columns any more (a phone-code sign-in only reset them when already set).
 */
export class DropAccountLockoutColumns1795500000000 implements MigrationInterface {
  name = 'DropAccountLockoutColumns1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "failed_sign_ins", DROP COLUMN "locked_until"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "locked_until" TIMESTAMP WITH TIME ZONE, ADD "failed_sign_ins" integer NOT NULL DEFAULT '0'`);
  }
}
