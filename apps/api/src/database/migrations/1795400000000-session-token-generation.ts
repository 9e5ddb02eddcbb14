import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A session's token generation: renewing a token moves it on, so the replaced token stops working at once. */
export class SessionTokenGeneration1795400000000 implements MigrationInterface {
  name = 'SessionTokenGeneration1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "token_generation" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "token_generation"`);
  }
}
