/**
 * npm run bench:all — every benchmark at its default size, one after another (never two at
 * once: they share the machine with each other), then the table the README's Performance
 * section is produced from: figure, same-run baseline, ratio, one-minute load average at the
 * end of the bench, commit. Written to bench/out/bench-all.md and printed.
 * `npm run bench:all -- scan jobs` runs only those.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { BENCHMARKS } from './support/bench-list';

interface Row {
  bench: string;
  size: string;
  figure: string;
  baseline: string;
  ratio: string;
  load: string;
}

function runOne(script: string, args: string[] = []): Promise<{ code: number; rows: Row[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rows: Row[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('BENCH-RESULT ')) rows.push(JSON.parse(line.slice('BENCH-RESULT '.length)) as Row);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, rows }));
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const commit =
    execSync('git rev-parse --short HEAD').toString().trim() + (execSync('git status --porcelain').toString().trim() ? ' (uncommitted changes)' : '');
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const bench of BENCHMARKS.filter((b) => !only.length || only.includes(b.name))) {
    console.log(`\n===== bench:${bench.name} =====`);
    const { code, rows: found } = await runOne(bench.script, bench.args);
    if (code !== 0 || !found.length) failed.push(bench.name);
    rows.push(...found);
  }
  const table = [
    `Benchmarks of commit ${commit}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores (shared machine: read each figure against its same-run baseline and the load average).`,
    '',
    '| bench | size | figure | baseline (same run) | ratio | load (1 min) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.bench} | ${r.size} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.load} |`),
    ...(failed.length ? ['', `Failed: ${failed.join(', ')}`] : []),
  ].join('\n');
  const out = join(process.cwd(), 'bench', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-all.md'), `${table}\n`);
  console.log(`\n${table}\n\n(written to bench/out/bench-all.md)`);
  if (failed.length) process.exit(1);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
