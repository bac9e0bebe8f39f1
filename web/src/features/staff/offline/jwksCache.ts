import type { JSONWebKeySet } from 'jose';

const KEY = 'quanzi.staff.checkinJwks';
const DEFAULT_MAX_AGE_MS = 5 * 60_000;

interface Cached {
  jwks: JSONWebKeySet;
  fetchedAt: number;
  maxAgeMs: number;
}

function read(storage: Storage): Cached | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Cached | null;
    return value && Array.isArray(value.jwks?.keys) ? value : null;
  } catch {
    return null;
  }
}

export function maxAgeOf(cacheControl: string | null): number {
  const match = /max-age=(\d+)/.exec(cacheControl ?? '');
  return match ? Number(match[1]) * 1000 : DEFAULT_MAX_AGE_MS;
}

/**
 * The public check-in keys, kept on the device for offline verification: fetched again when older
 * than the server's `max-age` and the network is there; otherwise the last copy (retired keys keep
 * verifying on the server, so an old copy only misses a key made since).
 */
export async function checkInKeys(
  options: { storage?: Storage; fetcher?: typeof fetch; now?: number; online?: boolean } = {},
): Promise<JSONWebKeySet | null> {
  const storage = options.storage ?? localStorage;
  const now = options.now ?? Date.now();
  const cached = read(storage);
  const online = options.online ?? navigator.onLine;
  if (cached && now - cached.fetchedAt < cached.maxAgeMs) return cached.jwks;
  if (!online) return cached?.jwks ?? null;
  try {
    const response = await (options.fetcher ?? fetch)('/api/checkins/jwks', { headers: { Accept: 'application/json' } });
    if (!response.ok) return cached?.jwks ?? null;
    const jwks = (await response.json()) as JSONWebKeySet;
    storage.setItem(KEY, JSON.stringify({ jwks, fetchedAt: now, maxAgeMs: maxAgeOf(response.headers.get('Cache-Control')) }));
    return jwks;
  } catch {
    return cached?.jwks ?? null;
  }
}
