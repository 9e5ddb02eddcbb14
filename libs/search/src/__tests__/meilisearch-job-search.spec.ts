import { MeilisearchJobSearchEngine } from '../meilisearch/meilisearch-job-search.engine';
import { describeJobSearchContract } from './job-search.contract';

const url = process.env.MEILI_URL;

// The whole contract, the homophone slips (保结员) included: they go through a federated multi-search, Meilisearch ≥ 1.11.
if (url) {
  const engine = new MeilisearchJobSearchEngine(url, process.env.MEILI_KEY, `jobs_contract_${process.pid}`);
  describeJobSearchContract('Meilisearch', () => engine);
} else {
  describe('job search contract: Meilisearch', () => {
    it.skip('SKIPPED: set MEILI_URL (and MEILI_KEY) to run the search contract against a Meilisearch server; none can be installed on this machine', () =>
      undefined);
  });
}
