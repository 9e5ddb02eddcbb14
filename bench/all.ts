/**
 * npm run bench:all — every benchmark at its default size, one after another (never two at
 * once: they share the machine with each other), then the table the README's Performance
 * section is produced from: figure, same-run baseline, ratio, one-minute load average at the
 * end of the bench, commit. Written to bench/out/bench-all.md and printed.
 * `npm run bench:all -- scan jobs` runs only those.
 * `--readme` also writes the table into the README's Performance section, between the markers
 * `<!-- bench:all start -->` and `<!-- bench:all end -->` (the prose around them stays);
 * `--readme-only` does that with the last bench/out/bench-all.md, without running anything.
 * Run it on a quiet machine: the table is what the README shows.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { BENCHMARKS } from './support/bench-list';
import { writeReadmeSection } from './support/readme-section';

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
  const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const out = join(process.cwd(), 'bench', 'out');
  const readme = join(process.cwd(), 'README.md');
  if (flags.includes('--readme') && only.length) throw new Error('--readme writes the whole table: run every benchmark (no names), or use --readme-only');
  if (flags.includes('--readme-only')) {
    await writeReadmeSection(readme, readFileSync(join(out, 'bench-all.md'), 'utf8'));
    console.log('README.md: Performance table rewritten from bench/out/bench-all.md');
    return;
  }
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
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-all.md'), `${table}\n`);
  console.log(`\n${table}\n\n(written to bench/out/bench-all.md)`);
  if (flags.includes('--readme')) {
    await writeReadmeSection(readme, table);
    console.log('README.md: Performance table rewritten');
  }
  if (failed.length) process.exit(1);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
