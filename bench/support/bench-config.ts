import { type AppConfig, loadConfig } from '@jobcode/common';

/** The production-mode settings every benchmark boots the API with, on its scratch database. */
export function benchConfig(databaseUrl: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    PII_ENCRYPTION_KEY: 'a'.repeat(64),
    PII_HASH_KEY: 'b'.repeat(64),
    ADMIN_PHONE: '13800000000',
    ADMIN_PASSWORD: 'Bench-Passw0rd',
    ...extra,
  });
}
