import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchRankTokens1795360130744 implements MigrationInterface {
  name = 'SearchRankTokens1795360130744';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Rows indexed before this migration get an empty vector (they rank by recency) until `npm run reindex`.
    await queryRunner.query(`ALTER TABLE "job_search_document" ADD "rank_tokens" tsvector NOT NULL DEFAULT ''::tsvector`);
    await queryRunner.query(`ALTER TABLE "job_search_document" ALTER COLUMN "rank_tokens" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_search_document" DROP COLUMN "rank_tokens"`);
  }
}
