import { type AppConfig, loadConfig } from '@jobcode/common';

/**
 * The production-mode settings every benchmark boots the API with, on its scratch database
 * (`databaseUrl` undefined: no DATABASE_URL, i.e. the embedded database in DATA_DIR, as `npm start` without one).
 */
export function benchConfig(databaseUrl: string | undefined, extra: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'production',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    PII_ENCRYPTION_KEY: 'a'.repeat(64),
    PII_HASH_KEY: 'b'.repeat(64),
    ADMIN_PHONE: '13800000000',
    ADMIN_PASSWORD: 'Bench-Passw0rd',
    ...extra,
  });
}
