/**
 * Which response-cache entries a session's coaching runs wrote, so a GDPR erasure of the session's contact
 * can drop them. Entry keys are content hashes (cache-key.ts) and cannot be found by contact; this keeps,
 * in the same cache and with the same TTL, one small list per session: `gdpr-keys:<tenant>:<session>`.
 * The entries hold only redacted text (placeholders for names, emails, phones …), but an erasure still
 * removes what was derived from the conversation. Appends to one list are serialized in this process;
 * two instances writing the same session's list at the same instant may lose a key (its entry then
 * lives out its TTL, holding placeholders only).
 */
import { getJson, setJson, type Cache } from '../../../core/cache';
import { z } from 'zod';

const keyList = z.array(z.string()).max(1000);

export function sessionIndexKey(tenantId: string, sessionId: string): string {
  return `gdpr-keys:${tenantId}:${sessionId}`;
}

const chains = new Map<string, Promise<void>>();

/** Adds `entryKey` to the session's list (best effort: a cache failure only logs at the caller). */
export function rememberCacheKey(
  cache: Cache,
  tenantId: string,
  sessionId: string,
  entryKey: string,
  ttlSeconds: number,
): Promise<void> {
  const index = sessionIndexKey(tenantId, sessionId);
  const next = (chains.get(index) ?? Promise.resolve()).then(async () => {
    const keys = (await getJson(cache, index, keyList)) ?? [];
    if (keys.includes(entryKey)) return;
    await setJson(cache, index, [...keys, entryKey].slice(-1000), ttlSeconds);
  });
  const settled = next.catch(() => undefined);
  chains.set(index, settled);
  void settled.then(() => {
    if (chains.get(index) === settled) chains.delete(index);
  });
  return next;
}

/** Deletes every entry the sessions' runs wrote, and the lists. Answers how many entries were listed. */
export async function forgetSessions(
  cache: Cache,
  tenantId: string,
  sessionIds: readonly string[],
): Promise<number> {
  let n = 0;
  for (const sessionId of sessionIds) {
    const index = sessionIndexKey(tenantId, sessionId);
    await chains.get(index);
    const keys = (await getJson(cache, index, keyList)) ?? [];
    for (const key of keys) await cache.delete(key);
    await cache.delete(index);
    n += keys.length;
  }
  return n;
}
