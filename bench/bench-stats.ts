import { cpus, loadavg } from 'node:os';

/** Percentiles of a list of durations (ms). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** The machine the figures came from: cores and load average, to read absolute figures against. */
export function machineLoad(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

/**
 * One row of `npm run bench:all`'s table: printed as a line `BENCH-RESULT {json}` that the runner
 * collects (the bench's own report stays as it is). `figure` and `baseline` are measured in the
 * same run; `ratio` says which way is better.
 */
export function benchResult(row: { bench: string; figure: string; baseline: string; ratio: string; size: string }): void {
  console.log(`BENCH-RESULT ${JSON.stringify({ ...row, load: loadavg()[0].toFixed(1) })}`);
}
