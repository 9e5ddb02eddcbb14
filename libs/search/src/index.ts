export * from './engine/job-search.model';
export * from './meilisearch/meilisearch-job-search.engine';
export * from './postgres/job-search-document.entity';
export * from './postgres/postgres-job-search.engine';
export * from './search.module';
export * from './tokenize/chinese-tokens';
