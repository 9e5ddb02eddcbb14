import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a V8 .cpuprofile (`node --cpu-prof`) the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package under node_modules, node itself, or our own code (app/libs/bench). */
function area(url: string): string {
  if (!url) return '(native / V8 / GC)';
  if (url.startsWith('node:')) return url.split('/')[0];
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  const own = /\/(libs\/[^/]+|apps\/[^/]+|bench)\//.exec(url);
  return own ? own[1] : url;
}

/**
 * Self time of a `--cpu-prof` profile by area (package, node built-in, our library) and by
 * function, largest first: where the process spent its CPU. Reads the newest profile in `dir`.
 */
export function summariseCpuProfile(dir: string, top = 12): string {
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .pop();
  if (!newest) return `no .cpuprofile in ${dir}`;
  const profile = JSON.parse(readFileSync(join(dir, newest), 'utf8')) as CpuProfile;
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (!micros) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = area(url);
    byArea.set(where, (byArea.get(where) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const total = profile.endTime - profile.startTime;
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `  ${(micros / 1e6).toFixed(2).padStart(7)} s ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `CPU profile ${join(dir, newest)}: ${(total / 1e6).toFixed(1)} s wall`,
    'self time by area:',
    ...rows(byArea),
    'self time by function:',
    ...rows(byFunction),
  ].join('\n');
}
