import { Module } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';

import { JOB_SEARCH_ENGINE } from './engine/job-search.model';
import { MeilisearchJobSearchEngine } from './meilisearch/meilisearch-job-search.engine';
import { PostgresJobSearchEngine } from './postgres/postgres-job-search.engine';

/** The search engine: Meilisearch when MEILI_URL is set, PostgreSQL full-text otherwise. */
@Module({
  providers: [
    PostgresJobSearchEngine,
    {
      provide: JOB_SEARCH_ENGINE,
      inject: [AppConfig, PostgresJobSearchEngine],
      useFactory: (config: AppConfig, postgres: PostgresJobSearchEngine) =>
        config.MEILI_URL ? new MeilisearchJobSearchEngine(config.MEILI_URL, config.MEILI_KEY) : postgres,
    },
  ],
  exports: [JOB_SEARCH_ENGINE, PostgresJobSearchEngine],
})
export class SearchModule {}
