import { createHash } from 'node:crypto';

import stringify from 'safe-stable-stringify';

/** JSON with keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (typeof text !== 'string') throw new Error('Value has no JSON form');
  return text;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
