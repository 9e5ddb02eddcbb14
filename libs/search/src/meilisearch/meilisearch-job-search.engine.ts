import { type FederatedMultiSearchParams, type Hit, Meilisearch } from 'meilisearch';

import type { FacetCount, JobSearchDocument, JobSearchEngine, JobSearchFacets, JobSearchQuery, JobSearchResult } from '../engine/job-search.model';
import { MEILI_INDEX, MEILI_SETTINGS, toMeiliDocument, toMeiliFederatedSearch, toMeiliFilter, toMeiliSort, toMeiliText } from './meilisearch-query';

const FACETS = { kind: 'kind', township: 'township', wageBand: 'wageBand', benefit: 'benefits' } as const;

interface MeiliAnswer {
  hits: Hit<{ id: string }>[];
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Search on Meilisearch (MEILI_URL): same documents, same filters, same contract as PostgreSQL. */
export class MeilisearchJobSearchEngine implements JobSearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private settingsApplied?: Promise<unknown>;

  constructor(
    host: string,
    apiKey?: string,
    private readonly indexUid = MEILI_INDEX,
  ) {
    this.client = new Meilisearch({ host, apiKey });
  }

  private index() {
    return this.client.index<ReturnType<typeof toMeiliDocument>>(this.indexUid);
  }

  /** Creates the index and applies its settings once per process. */
  private ensureSettings(): Promise<unknown> {
    this.settingsApplied ??= this.client
      .createIndex(this.indexUid, { primaryKey: 'id' })
      .waitTask()
      .then(() =>
        this.index()
          .updateSettings(MEILI_SETTINGS as never)
          .waitTask(),
      );
    return this.settingsApplied;
  }

  async upsert(documents: JobSearchDocument[]): Promise<void> {
    if (!documents.length) return;
    await this.ensureSettings();
    await this.index().addDocuments(documents.map(toMeiliDocument)).waitTask();
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.ensureSettings();
    await this.index().deleteDocuments(ids).waitTask();
  }

  async clear(): Promise<void> {
    await this.ensureSettings();
    await this.index().deleteAllDocuments().waitTask();
  }

  /**
   * One search, or — when the text has words that may match by sound (a homophone slip) — one
   * federated multi-search of its forms (toMeiliFederatedSearch), read the same way.
   */
  async search(query: JobSearchQuery): Promise<JobSearchResult> {
    await this.ensureSettings();
    const federated = toMeiliFederatedSearch(query, this.indexUid);
    let response: MeiliAnswer;
    if (federated) {
      const merged = await this.client.multiSearch<FederatedMultiSearchParams, { id: string }>(federated);
      response = {
        hits: merged.hits,
        estimatedTotalHits: merged.estimatedTotalHits,
        facetDistribution: merged.facetsByIndex?.[this.indexUid]?.distribution,
      };
    } else {
      response = await this.index().search(toMeiliText(query.text), {
        filter: toMeiliFilter(query),
        sort: toMeiliSort(query),
        limit: query.limit,
        offset: query.offset,
        facets: Object.values(FACETS),
        showRankingScore: true,
        matchingStrategy: 'all',
      });
    }
    const distribution = response.facetDistribution ?? {};
    const facets = Object.fromEntries(
      Object.entries(FACETS).map(([name, attribute]) => [
        name,
        Object.entries(distribution[attribute] ?? {})
          .map(([value, count]): FacetCount => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      ]),
    ) as unknown as JobSearchFacets;
    return {
      hits: response.hits.map((hit) => {
        const geo = (hit as { _geoDistance?: number })._geoDistance;
        // A federated hit's score is weighted by its query's weight (a match by sound counts less).
        const score = hit._federation?.weightedRankingScore ?? hit._rankingScore ?? 0;
        return { id: hit.id, score: Number(score), distanceKm: typeof geo === 'number' ? geo / 1000 : null };
      }),
      total: response.estimatedTotalHits ?? response.hits.length,
      // estimatedTotalHits is exact until maxTotalHits; beyond it both total and facets are capped.
      approximate: (response.estimatedTotalHits ?? 0) >= MEILI_SETTINGS.pagination.maxTotalHits,
      facets,
    };
  }
}
