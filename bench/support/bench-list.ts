/**
 * Every benchmark, with the environment that runs it at a small size. `npm run bench:all` runs
 * them at their default sizes one after another; the test suite (test/bench/benchmarks.spec.ts)
 * runs each at the small size, for failure only, never for timing, so that a benchmark that
 * breaks (at any size) cannot go unnoticed until someone runs it by hand.
 */
export const BENCHMARKS: { name: string; script: string; small: Record<string, string>; args?: string[]; smallArgs?: string[] }[] = [
  { name: 'search', script: 'search.bench.js', small: { BENCH_JOBS: '2000', BENCH_ROUNDS: '2' } },
  { name: 'jobs', script: 'jobs-list.bench.js', small: { BENCH_SECONDS: '1', BENCH_CONNECTIONS: '4' } },
  { name: 'scan', script: 'scan.bench.js', small: { BENCH_SECONDS: '1', BENCH_CONNECTIONS: '4' } },
  { name: 'seekers-import', script: 'seekers-import.bench.js', small: {}, smallArgs: ['300'] },
  { name: 'matching', script: 'matching.bench.js', small: { BENCH_SEEKERS: '5000', BENCH_ROUNDS: '1' } },
  {
    name: 'placement-stats',
    script: 'placement-stats.bench.js',
    small: { BENCH_PEOPLE: '2000', BENCH_PLACEMENTS: '8000', BENCH_RUNS: '2', BENCH_RAW_RUNS: '1', BENCH_WRITES: '10' },
  },
  {
    name: 'memory',
    script: 'memory.bench.js',
    // Both kinds of database, the embedded one as npm start runs it (each setup boots its own API).
    small: { BENCH_SECONDS: '1', BENCH_CONNECTIONS: '4', BENCH_SETTLE_SECONDS: '1', BENCH_MEMORY_SETUPS: 'server,embedded-192' },
  },
  { name: 'outbox', script: 'outbox.bench.js', small: { BENCH_EVENTS: '100' } },
  { name: 'documents', script: 'documents.bench.js', small: { BENCH_ROUNDS: '2' } },
  { name: 'contract-seal', script: 'contract-seal.bench.js', small: { BENCH_ROUNDS: '2' } },
];
