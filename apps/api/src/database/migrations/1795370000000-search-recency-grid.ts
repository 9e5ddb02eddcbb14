import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `#g` lexemes of the posting day (see gridLexemes in the PostgreSQL search engine): 8 points on each of 4 levels, every 4^k days. */
const GRID_LEXEMES = `array_to_tsvector(ARRAY(
  SELECT '#g' || k || ':' || g
    FROM (SELECT floor((extract(epoch FROM "posted_at") + 28800) / 86400)::int AS day) AS x,
         generate_series(0, 3) AS k,
         generate_series((floor((x.day - 8 * 4 ^ k) / 4 ^ k)::int + 1) * (4 ^ k)::int, x.day, (4 ^ k)::int) AS g))`;

/**
 * Recency as a grid instead of days and weeks: a search's recency slice ("posted on day D or
 * later") becomes one lexeme, `#g<level>:<day>`, where it was an OR of up to eight `#d`/`#w`
 * lexemes — that OR made the GIN scan of a broad search 10–20 ms at 200 000 jobs. Rewrites the
 * lexemes of documents already indexed; the indexer writes the new ones from now on.
 */
export class SearchRecencyGrid1795370000000 implements MigrationInterface {
  name = 'SearchRecencyGrid1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "job_search_document"
          SET "tokens" = ts_delete("tokens", ARRAY(SELECT l FROM unnest(tsvector_to_array("tokens")) AS l WHERE l ~ '^#[dw][0-9]')) || ${GRID_LEXEMES}`,
    );
    await queryRunner.query(`SELECT gin_clean_pending_list('job_search_document_tokens'::regclass)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "job_search_document"
          SET "tokens" = ts_delete("tokens", ARRAY(SELECT l FROM unnest(tsvector_to_array("tokens")) AS l WHERE l LIKE '#g%'))
                         || array_to_tsvector(ARRAY['#d' || floor((extract(epoch FROM "posted_at") + 28800) / 86400)::bigint,
                                                    '#w' || floor((extract(epoch FROM "posted_at") + 28800) / 604800)::bigint])`,
    );
  }
}
