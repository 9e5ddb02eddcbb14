import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1795366276068 implements MigrationInterface {
  name = 'SecondFactor1795366276068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "totp_secret_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "account" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "account" ADD "totp_last_step" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "totp_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "totp_secret_encrypted"`);
  }
}
