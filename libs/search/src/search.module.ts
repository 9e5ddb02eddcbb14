import { Module } from '@nestjs/common';

import { AppConfig } from '@jobcode/common';
import { JobsModule } from '@jobcode/jobs';
import { RegionsModule } from '@jobcode/regions';

import { JOB_SEARCH_ENGINE } from './engine/job-search.model';
import { JobSearchIndexer } from './indexer/job-search.indexer';
import { MeilisearchJobSearchEngine } from './meilisearch/meilisearch-job-search.engine';
import { PostgresJobSearchEngine } from './postgres/postgres-job-search.engine';
import { POSTGRES_SEARCH_SETTINGS, type PostgresSearchSettings, SEARCH_WINDOW } from './postgres/postgres-search.settings';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Job search: the engine (Meilisearch when MEILI_URL is set, PostgreSQL full-text otherwise), its indexer and searchJobs. */
@Module({
  imports: [JobsModule, RegionsModule],
  providers: [
    { provide: POSTGRES_SEARCH_SETTINGS, useValue: { windowSize: SEARCH_WINDOW } satisfies PostgresSearchSettings },
    PostgresJobSearchEngine,
    {
      provide: JOB_SEARCH_ENGINE,
      inject: [AppConfig, PostgresJobSearchEngine],
      useFactory: (config: AppConfig, postgres: PostgresJobSearchEngine) =>
        config.MEILI_URL ? new MeilisearchJobSearchEngine(config.MEILI_URL, config.MEILI_KEY) : postgres,
    },
    JobSearchIndexer,
    SearchService,
    SearchResolver,
  ],
  exports: [JOB_SEARCH_ENGINE, PostgresJobSearchEngine, JobSearchIndexer, SearchService],
})
export class SearchModule {}
