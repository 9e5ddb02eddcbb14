import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Builds dist/ once per test file that starts the service as a real process. */
export function buildOnce(): void {
  execSync('npx swc apps libs -d dist --config-file .swcrc --quiet', { stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface SpawnedApi {
  process: ChildProcess;
  output(): string;
  /** Resolves when the service prints that it is ready, or rejects with its output when it exits first. */
  ready(timeoutMs?: number): Promise<void>;
  exited(timeoutMs?: number): Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts `node dist/apps/api/src/main.js` (or another built entry point) with exactly the given settings (no inherited DATABASE_URL). */
export function spawnApi(env: Record<string, string>, entry = 'dist/apps/api/src/main.js'): SpawnedApi {
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _tdb, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry], { env: { ...inherited, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    async ready(timeoutMs = 240_000) {
      const started = Date.now();
      while (!output.includes('Ready in')) {
        if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output}`);
        if (Date.now() - started > timeoutMs) throw new Error(`service not ready after ${timeoutMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async exited(timeoutMs = 30_000) {
      return Promise.race([
        exit,
        new Promise<null>((_, reject) => setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${output}`)), timeoutMs)),
      ]);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exit;
      }
    },
  };
}
