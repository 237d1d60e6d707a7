/**
 * The cache contract shared by every part of the platform: string values with a TTL in seconds.
 * Values are strings so the in-process and the Redis implementation behave the same (no shared mutable
 * objects in memory, no silent loss of prototypes over the wire); `getJson`/`setJson` add typed JSON on top,
 * validating what comes back because a cache is outside data (another deploy may have written it).
 */
import type { ZodType } from 'zod';

export interface Cache {
  get(key: string): Promise<string | undefined>;
  /** `ttlSeconds` > 0; fractions are allowed (rounded to milliseconds). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Releases connections the cache owns. Idempotent. */
  close?(): Promise<void>;
}

export class CacheError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CacheError';
  }
}

export function assertTtl(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new CacheError(`ttlSeconds must be a positive number, got ${String(ttlSeconds)}`);
  }
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/** Reads a JSON value and validates it; a missing, unparsable or invalid entry is a miss. */
export async function getJson<T>(cache: Cache, key: string, schema: ZodType<T>): Promise<T | undefined> {
  const raw = await cache.get(key);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : undefined;
}

export async function setJson(cache: Cache, key: string, value: unknown, ttlSeconds: number): Promise<void> {
  await cache.set(key, JSON.stringify(value), ttlSeconds);
}
