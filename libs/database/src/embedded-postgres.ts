import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import { PgliteBatchQueue } from './pglite-batch-queue';

/** PGlite serialises everything; a handful of sockets is plenty and must bound the pool. */
export const EMBEDDED_MAX_CONNECTIONS = 8;
const SOCKET_PORT = 5432;
/**
 * PGlite's buffer pool lives in the API process's WebAssembly memory, which never shrinks. Its
 * default (128MB) is sized for a server; one county's data is a few tens of MB and the pages'
 * reads are by index, so 32MB keeps the working set while the process stays under 550 MB at peak
 * (bench:memory, embedded-192). 16MB measured no lower: the rest of the WASM memory is PostgreSQL's own.
 */
const EMBEDDED_SHARED_BUFFERS = '32MB';

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database folder ${dataDir} is already in use by process ${pid}. ` +
        'Two processes on one PGlite folder corrupt it: stop the other process, or set DATA_DIR to another folder, ' +
        'or set DATABASE_URL to a PostgreSQL server to run several processes.',
    );
    this.name = 'DataFolderInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on the data folder: a lock file holding our pid, created with
 * O_EXCL. A lock left by a process that died (SIGKILL, power cut) is taken over.
 */
function lockDataFolder(dir: string): () => void {
  const lockFile = join(dir, 'jobcode.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }), { flag: 'wx' });
      return () => {
        try {
          const held = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number };
          if (held.pid === process.pid) rmSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; host?: string } | undefined;
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; host?: string };
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && (holder.host === undefined || holder.host === hostname()) && isAlive(holder.pid)) {
        throw new DataFolderInUseError(dir, holder.pid);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

export interface EmbeddedPostgres {
  /** A `pg` connection URL over the local unix socket. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL in WASM (PGlite) on `<dataDir>/pgdata` and serves it over a unix
 * socket with pglite-socket, so TypeORM uses its ordinary `pg` driver.
 */
export async function startEmbeddedPostgres(dataDirSetting: string): Promise<EmbeddedPostgres> {
  const dataDir = resolve(dataDirSetting);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataFolder(dataDir);
  try {
    const db = await PGlite.create({
      dataDir: join(dataDir, 'pgdata'),
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
    });
    const socketDir = join(dataDir, 'run');
    mkdirSync(socketDir, { recursive: true });
    const socketPath = join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
    rmSync(socketPath, { force: true });
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    useBatchQueue(server, db);
    await server.start();
    let stopped = false;
    return {
      url: `postgresql://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(socketDir)}`,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * Gives the socket server a queue that keeps each connection's statements whole (see
 * PgliteBatchQueue). The server hands its `queryQueue` to each connection as it accepts it; a
 * pglite-socket without one (another version) stops the boot rather than run unsafely.
 */
function useBatchQueue(server: PGLiteSocketServer, db: PGlite): void {
  const internals = server as unknown as { queryQueue?: unknown };
  if (typeof internals.queryQueue !== 'object' || internals.queryQueue === null) {
    throw new Error('This @electric-sql/pglite-socket has no queryQueue to replace: pin the version in package.json (0.2.17) or review PgliteBatchQueue');
  }
  internals.queryQueue = new PgliteBatchQueue(db);
}
