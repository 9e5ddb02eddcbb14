import { randomBytes } from 'node:crypto';

import bs58 from 'bs58';

/** 12 random bytes = 96 bits, base58 (no 0/O/I/l): 16–17 characters, safe in a URL and easy to print. */
export function newServiceCodeToken(): string {
  return bs58.encode(randomBytes(12));
}

/** Cheap shape check before any database work: base58 alphabet, plausible length. */
export function looksLikeToken(token: string): boolean {
  return /^[1-9A-HJ-NP-Za-km-z]{12,24}$/.test(token);
}
