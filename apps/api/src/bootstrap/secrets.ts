import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { AppConfig, Secrets } from '@jobcode/common';

interface StoredSecrets {
  jwtSecret: string;
  piiEncryptionKey: string;
  piiHashKey: string;
}

/**
 * Secrets come from settings. Outside production, any that is missing is generated
 * once into `<DATA_DIR>/secrets.json` (mode 600) so that data encrypted yesterday
 * can still be read today; production refuses to boot without them (see AppConfig).
 */
export function resolveSecrets(config: AppConfig): Secrets {
  let stored: StoredSecrets | undefined;
  if (!config.JWT_SECRET || !config.PII_ENCRYPTION_KEY || !config.PII_HASH_KEY) {
    const dir = resolve(config.DATA_DIR);
    const file = join(dir, 'secrets.json');
    if (existsSync(file)) {
      stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
    } else {
      mkdirSync(dir, { recursive: true });
      stored = { jwtSecret: randomBytes(32).toString('hex'), piiEncryptionKey: randomBytes(32).toString('hex'), piiHashKey: randomBytes(32).toString('hex') };
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
    }
  }
  return new Secrets(
    config.JWT_SECRET ?? (stored as StoredSecrets).jwtSecret,
    config.PII_ENCRYPTION_KEY ?? (stored as StoredSecrets).piiEncryptionKey,
    config.PII_HASH_KEY ?? (stored as StoredSecrets).piiHashKey,
  );
}
