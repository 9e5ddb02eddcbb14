/**
 * Runs the longest test files first, so that no worker sits idle at the end of the run while the
 * other finishes one long file. Jest orders by the durations it cached on this machine; a fresh
 * clone (every CI run) has none, and Jest then falls back to file size — which put the benchmarks
 * (a short file that runs for two minutes) last, alone, after everything else had finished.
 * Without a cached duration, a file is given its tier's typical one (measured in CI, 2026-12).
 */
import Sequencer from '@jest/test-sequencer';

const TYPICAL_MS = [
  [/[\\/]test[\\/]bench[\\/]/, 110_000],
  [/[\\/]test[\\/]e2e[\\/]demo\.spec\.ts$/, 75_000],
  [/[\\/]test[\\/]web[\\/]/, 40_000],
  [/[\\/]test[\\/]e2e[\\/]/, 15_000],
  [/[\\/]__tests__[\\/]/, 8_000],
];
const OTHER_MS = 1_000;

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    return TYPICAL_MS.find(([pattern]) => pattern.test(test.path))?.[1] ?? OTHER_MS;
  }
}

export default SlowFirstSequencer;
