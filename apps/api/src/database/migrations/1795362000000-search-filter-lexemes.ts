import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filter and recency lexemes in the search vector, so that one GIN scan narrows a search by
 * text, region, kind, benefits, source and posting date before any row is read: `#r:<code>`
 * for every enclosing division, `#k:<kind>`, `#b:<benefit>`, `#s:<source>`, `#d<day>` and
 * `#w<week>` (days and weeks since 1970-01-01 in county time, UTC+8). The indexer writes them for new documents; this
 * fills them in for documents already indexed. Pinyin across word boundaries needs `npm run
 * reindex` (it is made in Node).
 */
export class SearchFilterLexemes1795362000000 implements MigrationInterface {
  name = 'SearchFilterLexemes1795362000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "job_search_document" SET "tokens" = "tokens" || array_to_tsvector(
         ARRAY['#d' || floor((extract(epoch FROM "posted_at") + 28800) / 86400)::bigint,
               '#w' || floor((extract(epoch FROM "posted_at") + 28800) / 604800)::bigint, '#k:' || "kind"]
         || ARRAY(SELECT '#r:' || left("region_code", n) FROM unnest(ARRAY[2, 4, 6, 9, 12]) AS n WHERE n <= length("region_code"))
         || ARRAY(SELECT '#b:' || b FROM unnest("benefits") AS b)
         || CASE WHEN "source_kind" IS NULL THEN ARRAY[]::text[] ELSE ARRAY['#s:' || "source_kind"] END)`,
    );
    // Every search scans the GIN pending list of recent inserts in full (up to 4 MB by default,
    // flushed only by vacuum): keep it small so searches stay fast while the indexer writes.
    await queryRunner.query(`ALTER INDEX "job_search_document_tokens" SET (gin_pending_list_limit = 256)`);
    await queryRunner.query(`SELECT gin_clean_pending_list('job_search_document_tokens'::regclass)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "job_search_document_tokens" RESET (gin_pending_list_limit)`);
    await queryRunner.query(
      `UPDATE "job_search_document" SET "tokens" = ts_delete("tokens", ARRAY(SELECT l FROM unnest(tsvector_to_array("tokens")) AS l WHERE l LIKE '#%'))`,
    );
  }
}
