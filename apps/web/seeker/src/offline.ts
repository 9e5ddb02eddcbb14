import { ApiError } from '@shared/api-error';
import { ref } from 'vue';

/**
 * What the phone remembers for when the network is gone: the answers of the pages a person
 * opened (jobs, job pages, their applications and contracts), each with the time it was
 * fetched, so that an offline visit shows them with their age ("3 小时前的信息"); and forms
 * typed offline, kept until they can be sent.
 */
const CACHE = 'jobcode.m.cache.';
const DRAFT = 'jobcode.m.draft.';
const MAX_ENTRIES = 80;

export const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
}

interface Entry<T> {
  at: number;
  data: T;
}

export function remember<T>(key: string, data: T): void {
  try {
    localStorage.setItem(CACHE + key, JSON.stringify({ at: Date.now(), data } satisfies Entry<T>));
    evictOldest();
  } catch {
    // A full quota: the page still works online, it just is not kept for offline.
  }
}

export function recall<T>(key: string): Entry<T> | null {
  try {
    const raw = localStorage.getItem(CACHE + key);
    return raw ? (JSON.parse(raw) as Entry<T>) : null;
  } catch {
    return null;
  }
}

/** Forgets what belongs to a signed-in person (their applications, contracts): on sign-out. */
export function forgetPrivate(): void {
  for (const key of keys(CACHE)) if (key.startsWith(`${CACHE}me:`)) localStorage.removeItem(key);
  for (const key of keys(DRAFT)) localStorage.removeItem(key);
}

/** The answer of `fetch`, kept under `key`; without a network, the kept answer and when it was fetched. */
export async function load<T>(key: string, fetch: () => Promise<T>): Promise<{ data: T; savedAt: number | null }> {
  try {
    const data = await fetch();
    remember(key, data);
    return { data, savedAt: null };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'OFFLINE') {
      const kept = recall<T>(key);
      if (kept) return { data: kept.data, savedAt: kept.at };
    }
    throw error;
  }
}

/** A form's content kept on the phone while it is typed, and after a send that failed for want of a network. */
export function readDraft<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(DRAFT + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(DRAFT + key, JSON.stringify(value));
  } catch {
    // Nothing to do: the form still holds what was typed.
  }
}

export function dropDraft(key: string): void {
  try {
    localStorage.removeItem(DRAFT + key);
  } catch {
    // ignore
  }
}

/** Calls `send` once the phone is back online (once). */
export function whenOnline(send: () => void): () => void {
  const handler = () => send();
  window.addEventListener('online', handler, { once: true });
  return () => window.removeEventListener('online', handler);
}

export const isOffline = (error: unknown): boolean => error instanceof ApiError && error.code === 'OFFLINE';

function keys(prefix: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (key?.startsWith(prefix)) found.push(key);
  }
  return found;
}

function evictOldest(): void {
  const all = keys(CACHE);
  if (all.length <= MAX_ENTRIES) return;
  const dated = all.map((key) => ({ key, at: recallRaw(key) })).sort((a, b) => a.at - b.at);
  for (const { key } of dated.slice(0, all.length - MAX_ENTRIES)) localStorage.removeItem(key);
}

function recallRaw(key: string): number {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? '{}') as { at?: number }).at ?? 0;
  } catch {
    return 0;
  }
}
