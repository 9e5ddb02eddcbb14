import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a FILLED job got there by its hires reaching the headcount (it reopens when a hire is undone) or by hand. */
export class JobFilledByHires1795420000000 implements MigrationInterface {
  name = 'JobFilledByHires1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job" ADD "filled_by_hires" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job" DROP COLUMN "filled_by_hires"`);
  }
}
