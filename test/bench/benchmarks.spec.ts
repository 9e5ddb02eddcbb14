import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

import { BENCHMARKS } from '../../bench/support/bench-list';
import { onServer } from '../support/test-state';

const ROOT = join(__dirname, '..', '..');

/**
 * Every benchmark at a small size, for failure only (never for timing): a benchmark that stops
 * working, at any size, fails the suite instead of waiting for someone to run it by hand.
 * The benchmarks make their own scratch databases on the PostgreSQL server, so server mode only.
 */
onServer.describe('benchmarks at a small size', () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'), 'apps', 'libs', 'bench', '-d', 'dist', '--config-file', '.swcrc', '--quiet'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }, 120_000);

  it.each(BENCHMARKS.map((b) => [b.name, b] as const))(
    'bench:%s runs and reports its figure beside its baseline',
    async (_name, bench) => {
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', bench.script), ...(bench.smallArgs ?? [])], {
          cwd: ROOT,
          env: { ...process.env, ...bench.small },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (exitCode) => resolve({ code: exitCode, output }));
      });
      if (code !== 0) throw new Error(`bench:${bench.name} exited with ${code}:\n${output.slice(-3000)}`);
      const result = output.split('\n').find((line) => line.startsWith('BENCH-RESULT '));
      expect(result).toBeDefined();
      expect(JSON.parse(result!.slice('BENCH-RESULT '.length))).toMatchObject({ bench: bench.name, figure: expect.any(String), baseline: expect.any(String) });
    },
    180_000,
  );
});
