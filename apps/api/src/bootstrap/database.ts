import { AppConfig } from '@jobcode/common';
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from '@jobcode/database';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** Pool size: PGlite serialises all work, so a small pool bounded by the socket server. */
  poolSize: number;
  /** What the start-up line prints (no password). */
  description: string;
  stop(): Promise<void>;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql://(unparsable URL)';
  }
}

/** DATABASE_URL when set; otherwise PostgreSQL embedded in this process (PGlite) in DATA_DIR. */
export async function resolveDatabase(config: AppConfig): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) {
    return {
      url: config.DATABASE_URL,
      embedded: false,
      poolSize: 20,
      description: `PostgreSQL at ${redact(config.DATABASE_URL)}`,
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres(config.DATA_DIR);
  return {
    url: embedded.url,
    embedded: true,
    poolSize: EMBEDDED_MAX_CONNECTIONS,
    description: `embedded PostgreSQL (PGlite) in ${embedded.dataDir}`,
    stop: () => embedded.stop(),
  };
}
