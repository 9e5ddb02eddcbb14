/** How many of the newest matches the PostgreSQL engine reads per block; see SEARCH_WINDOW. */
export interface PostgresSearchSettings {
  windowSize: number;
}

/** Injection token of the PostgresSearchSettings (SearchModule provides SEARCH_WINDOW; a test may provide a smaller window). */
export const POSTGRES_SEARCH_SETTINGS = Symbol('POSTGRES_SEARCH_SETTINGS');

/**
 * How many of the newest matches a search reads for its first pages: relevance ranks them, and
 * facets and the total come from them, so a query that matches a third of all jobs costs about
 * what a rare one does. Deeper pages read whole blocks more (up to MAX_SEARCH_OFFSET, 1000), and
 * relevance orders block by block — the newest SEARCH_WINDOW matches best first, then the next
 * SEARCH_WINDOW — so every match keeps one place however deep a client pages.
 * 400, not 1000: at 200 000 jobs a window of 1000 cost a broad search about 1.6 times as much
 * (reading and sorting its rows), for facet estimates that were only a little closer.
 */
export const SEARCH_WINDOW = 400;
