import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchRankTokens1795360130744 implements MigrationInterface {
  name = 'SearchRankTokens1795360130744';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_search_document" ADD "rank_tokens" tsvector NOT NULL DEFAULT ''::tsvector`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_search_document" DROP COLUMN "rank_tokens"`);
  }
}
